package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.lead.domain.Conversion;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.OpportunityDraftPolicy;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.FieldError;

/** Turns a qualify request into a conversion plan, and shows what it would create. */
@ApplicationScoped
public class ConversionPlanner {

  @Inject Validator validator;

  /**
   * Checks the request on its own (before the lead is read).
   *
   * @throws InvalidRequestException listing every offending field
   */
  public void check(QualifyRequest request) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<QualifyRequest> violation : validator.validate(request)) {
      errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (Boolean.TRUE.equals(request.createAccount()) && request.existingAccountId() != null) {
      errors.add(new FieldError("createAccount", "cannot be true together with existingAccountId"));
    }
    if (Boolean.TRUE.equals(request.createContact()) && request.existingContactId() != null) {
      errors.add(new FieldError("createContact", "cannot be true together with existingContactId"));
    }
    // opportunity-events has no answer for a conversion without an opportunity (docs/architecture.md,
    // section Events, lists none), so such a conversion would stay pending for ever.
    if (Boolean.FALSE.equals(request.createOpportunity())) {
      errors.add(new FieldError("createOpportunity", "must be true: converting without an opportunity is not supported yet"));
    }
    QualifyRequest.OpportunityDraft draft = request.opportunity();
    if (errors.isEmpty() && draft != null) {
      List<ConversionPlan.Line> lines = lines(draft, errors);
      Money estimatedValue = LeadMapper.money(errors, "opportunity.estimatedValue", draft.estimatedValue());
      if (errors.isEmpty()) {
        for (OpportunityDraftPolicy.Violation violation : OpportunityDraftPolicy.check(draft.name(), estimatedValue, lines)) {
          errors.add(new FieldError("opportunity." + violation.field(), violation.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The plan for {@code lead}, with fresh ids for the records to be created. */
  public ConversionPlan plan(QualifyRequest request, Lead lead) {
    boolean createAccount = orDefault(request.createAccount(), request.existingAccountId() == null);
    boolean createContact = orDefault(request.createContact(), request.existingContactId() == null);
    boolean createOpportunity = orDefault(request.createOpportunity(), true);
    QualifyRequest.OpportunityDraft draft = request.opportunity();
    List<ConversionPlan.Line> lines = draft == null ? List.of() : lines(draft, new ArrayList<>());
    Money value = lines.isEmpty() ? estimatedValue(draft, lead) : OpportunityDraftPolicy.valueOf(lines);
    return ConversionPlan.of(
        createAccount && lead.details().companyName() != null,
        createContact && lead.details().lastName() != null,
        createOpportunity,
        request.existingAccountId(),
        request.existingContactId(),
        new ConversionPlan.OpportunityDraft(
            draft != null && draft.name() != null && !draft.name().isBlank() ? draft.name().strip() : defaultName(lead.details()),
            value,
            draft == null ? null : draft.estimatedCloseDate(),
            lines));
  }

  /**
   * The plan of the lead's current conversion, as it was published: the request it was asked with,
   * planned again for the lead (which cannot have changed since: Qualified is final), with the
   * conversion's own ids.
   */
  public ConversionPlan current(QualifyRequest request, Lead lead) {
    ConversionPlan planned = plan(request, lead);
    Conversion conversion = lead.conversion();
    return new ConversionPlan(
        conversion.id(),
        planned.createAccount(),
        planned.createContact(),
        planned.createOpportunity(),
        planned.existingAccountId(),
        planned.existingContactId(),
        conversion.accountId(),
        conversion.contactId(),
        conversion.opportunityId(),
        planned.opportunity());
  }

  /** What a qualify would do, without the matches (those come from opportunity-service). */
  public QualifyResponse.Preview preview(ConversionPlan plan, Lead lead, QualifyResponse.Matches matches) {
    LeadDetails details = lead.details();
    QualifyResponse.Planned account =
        plan.existingAccountId() != null
            ? new QualifyResponse.Planned("use-existing", plan.existingAccountId(), null)
            : plan.createAccount()
                ? new QualifyResponse.Planned("create", null, details.companyName())
                : new QualifyResponse.Planned("none", null, null);
    QualifyResponse.Planned contact =
        plan.existingContactId() != null
            ? new QualifyResponse.Planned("use-existing", plan.existingContactId(), null)
            : plan.createContact()
                ? new QualifyResponse.Planned("create", null, fullName(details))
                : new QualifyResponse.Planned("none", null, null);
    ConversionPlan.OpportunityDraft draft = plan.opportunity();
    QualifyResponse.OpportunityPreview opportunity =
        plan.createOpportunity()
            ? new QualifyResponse.OpportunityPreview(
                draft.name(),
                LeadMapper.toDto(draft.estimatedValue()),
                draft.estimatedCloseDate(),
                draft.lines().stream()
                    .map(line -> new QualifyRequest.Line(line.productName(), line.quantity().toPlainString(), LeadMapper.toDto(line.unitPrice())))
                    .toList())
            : null;
    return new QualifyResponse.Preview(account, contact, opportunity, matches);
  }

  /** The draft's lines as the plan holds them; malformed prices are reported in {@code errors}. */
  private static List<ConversionPlan.Line> lines(QualifyRequest.OpportunityDraft draft, List<FieldError> errors) {
    List<ConversionPlan.Line> lines = new ArrayList<>();
    if (draft.lines() == null) {
      return lines;
    }
    for (int i = 0; i < draft.lines().size(); i++) {
      QualifyRequest.Line line = draft.lines().get(i);
      Money unitPrice = LeadMapper.money(errors, "opportunity.lines[" + i + "].unitPrice", line.unitPrice());
      lines.add(new ConversionPlan.Line(line.productName().strip(), new BigDecimal(line.quantity()), unitPrice));
    }
    return lines;
  }

  private static Money estimatedValue(QualifyRequest.OpportunityDraft draft, Lead lead) {
    if (draft != null && draft.estimatedValue() != null) {
      return new Money(new BigDecimal(draft.estimatedValue().amount()), draft.estimatedValue().currency());
    }
    return lead.qualification().budget().amount();
  }

  private static String defaultName(LeadDetails details) {
    return details.companyName() != null ? details.companyName() : fullName(details);
  }

  private static String fullName(LeadDetails details) {
    return details.firstName() == null ? details.lastName() : details.firstName() + " " + details.lastName();
  }

  private static boolean orDefault(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }
}
