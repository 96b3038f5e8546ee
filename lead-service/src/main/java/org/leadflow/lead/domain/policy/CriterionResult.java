package org.leadflow.lead.domain.policy;

/**
 * A criterion applied to one lead.
 *
 * @param seen the lead's value (String, BigDecimal, Boolean or Money), null when not known
 * @param explanation in plain words: "Budget status is May Buy, one of May Buy, Can Buy, Will Buy"
 */
public record CriterionResult(Criterion criterion, CriterionStatus status, Object seen, String explanation) {}
