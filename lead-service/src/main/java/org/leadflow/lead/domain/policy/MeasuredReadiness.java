package org.leadflow.lead.domain.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The summary of a lead's {@link Readiness} kept on its row (columns {@code readiness_*}), so that
 * leads can be listed, filtered and sorted by it: the weighted score, the fit verdict, whether every
 * required criterion is met, and the policy version that measured it. The full readiness (every
 * criterion, what to find out next) is computed when asked for.
 */
@Embeddable
public record MeasuredReadiness(
    @Column(name = "readiness_score") Integer score,
    @Enumerated(EnumType.STRING) @Column(name = "readiness_fit") FitVerdict fit,
    @Column(name = "readiness_required_met") Boolean requiredMet,
    @Column(name = "readiness_policy_version") Integer policyVersion) {

  public static MeasuredReadiness of(Readiness readiness) {
    return new MeasuredReadiness(readiness.score(), readiness.fit().verdict(), readiness.requiredMet(), readiness.policyVersion());
  }
}
