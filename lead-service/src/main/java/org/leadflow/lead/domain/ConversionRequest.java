package org.leadflow.lead.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A conversion as a seller asks for it, with the options of Dynamics' QualifyLead; every part is
 * optional (null: the default of {@link ConversionOptionsPolicy}). {@link ConversionPlan#forLead}
 * turns it into the plan for one lead.
 */
public record ConversionRequest(
    Boolean createAccount,
    Boolean createContact,
    Boolean createOpportunity,
    UUID existingAccountId,
    UUID existingContactId,
    Opportunity opportunity) {

  /** Every option at its default. */
  public static final ConversionRequest DEFAULTS = new ConversionRequest(null, null, null, null, null, null);

  /** The opportunity asked for; every part optional, the lines none null. */
  public record Opportunity(String name, Money estimatedValue, LocalDate estimatedCloseDate, List<ConversionPlan.Line> lines) {
    public Opportunity {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  /** This request with {@code asked} as its opportunity. */
  public ConversionRequest with(Opportunity asked) {
    return new ConversionRequest(createAccount, createContact, createOpportunity, existingAccountId, existingContactId, asked);
  }

  /**
   * Every rule the request breaks, fields named as the API names them: the options ({@link
   * ConversionOptionsPolicy}) and, when they are sound, the opportunity ({@link
   * OpportunityDraftPolicy}, under {@code opportunity.}). Empty when the conversion can be asked for.
   */
  public List<OpportunityDraftPolicy.Violation> violations() {
    List<OpportunityDraftPolicy.Violation> violations = new ArrayList<>(ConversionOptionsPolicy.check(this));
    if (violations.isEmpty() && opportunity != null) {
      for (OpportunityDraftPolicy.Violation violation :
          OpportunityDraftPolicy.check(opportunity.name(), opportunity.estimatedValue(), opportunity.lines())) {
        violations.add(new OpportunityDraftPolicy.Violation("opportunity." + violation.field(), violation.message()));
      }
    }
    return violations;
  }
}
