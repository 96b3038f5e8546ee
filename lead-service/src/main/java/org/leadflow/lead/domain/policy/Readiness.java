package org.leadflow.lead.domain.policy;

import java.util.List;

/**
 * A lead measured against the qualification policy.
 *
 * @param policyVersion the version of the policy that measured it
 * @param score the weighted readiness 0–100 (see {@link QualificationPolicy#evaluate})
 * @param nextSteps what to find out next, most important first ("Budget status unknown")
 */
public record Readiness(int policyVersion, int score, FitAssessment fit, List<CriterionResult> criteria, List<String> nextSteps) {

  public Readiness {
    criteria = List.copyOf(criteria);
    nextSteps = List.copyOf(nextSteps);
  }

  /** The required criteria the lead does not meet yet (unmet or unknown): what the gate refuses on. */
  public List<CriterionResult> unmetRequired() {
    return criteria.stream().filter(result -> result.criterion().required() && result.status() != CriterionStatus.MET).toList();
  }

  /** Whether every required criterion is met, so that the lead may be qualified without an override. */
  public boolean requiredMet() {
    return unmetRequired().isEmpty();
  }
}
