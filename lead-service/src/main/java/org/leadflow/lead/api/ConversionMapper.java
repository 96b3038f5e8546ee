package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.lead.domain.ConversionOptionsPolicy;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.OpportunityDraftPolicy;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/**
 * Maps a qualify request to the conversion it asks for, checked by the conversion's domain policies,
 * and a conversion plan to the dry run's preview.
 */
@ApplicationScoped
public class ConversionMapper {

  @Inject Validator validator;

  /**
   * The conversion {@code request} asks for, checked on its own (before the lead is read).
   *
   * @throws InvalidRequestException listing every offending field
   */
  public ConversionRequest toRequest(QualifyRequest request) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<QualifyRequest> violation : validator.validate(request)) {
      errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    ConversionRequest options =
        new ConversionRequest(
            request.createAccount(),
            request.createContact(),
            request.createOpportunity(),
            request.existingAccountId(),
            request.existingContactId(),
            null);
    add(errors, ConversionOptionsPolicy.check(options));
    QualifyRequest.OpportunityDraft draft = request.opportunity();
    if (errors.isEmpty() && draft != null) {
      List<ConversionPlan.Line> lines = lines(draft, errors);
      Money estimatedValue = LeadMapper.money(errors, "opportunity.estimatedValue", draft.estimatedValue());
      options = options.with(new ConversionRequest.Opportunity(draft.name(), estimatedValue, draft.estimatedCloseDate(), lines));
      if (errors.isEmpty()) {
        add(errors, options.violations());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return options;
  }

  /** What a qualify would do, with the existing records opportunity-service would reuse. */
  public QualifyResponse.Preview preview(
      ConversionPlan plan, Lead lead, QualifyResponse.Matches matches, List<DuplicateBodies.CandidateResponse> duplicateLeads) {
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
                ? new QualifyResponse.Planned("create", null, details.fullName())
                : new QualifyResponse.Planned("none", null, null);
    ConversionPlan.OpportunityDraft draft = plan.opportunity();
    QualifyResponse.OpportunityPreview opportunity =
        plan.createOpportunity()
            ? new QualifyResponse.OpportunityPreview(
                draft.name(),
                LeadResponseMapper.toDto(draft.estimatedValue()),
                draft.estimatedCloseDate(),
                draft.lines().stream()
                    .map(line -> new QualifyRequest.Line(line.productName(), line.quantity().toPlainString(), LeadResponseMapper.toDto(line.unitPrice())))
                    .toList())
            : null;
    return new QualifyResponse.Preview(account, contact, opportunity, matches, duplicateLeads);
  }

  /** The draft's lines; malformed prices are reported in {@code errors}. */
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

  private static void add(List<FieldError> errors, List<OpportunityDraftPolicy.Violation> violations) {
    violations.forEach(violation -> errors.add(new FieldError(violation.field(), violation.message())));
  }
}
