package org.leadflow.lead.domain;

/**
 * The estimated value of a conversion's opportunity (docs/architecture.md, section Conversion): with
 * lines, the sum of their amounts as opportunity-service computes it ({@link
 * OpportunityDraftPolicy#valueOf}); without lines, the value asked for, else the lead's budget, else
 * none.
 */
public final class EstimatedValuePolicy {

  private EstimatedValuePolicy() {}

  /**
   * @param asked the opportunity asked for, or null
   * @param budget the lead's budget amount, or null
   */
  public static Money valueOf(ConversionRequest.Opportunity asked, Money budget) {
    if (asked != null && !asked.lines().isEmpty()) {
      return OpportunityDraftPolicy.valueOf(asked.lines());
    }
    if (asked != null && asked.estimatedValue() != null) {
      return asked.estimatedValue();
    }
    return budget;
  }
}
