package org.leadflow.lead.domain.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;

/**
 * How a qualified lead passed the qualification policy's gate: the policy version that measured it
 * and its readiness then, and, when a required criterion was not met, the sales manager who overrode
 * the gate, why, and which criteria they overrode. Embedded in the lead (columns {@code qualified_*});
 * the audit history and {@code leadflow.lead.qualified.v1} carry it.
 */
@Embeddable
public record QualificationCheck(
    @Column(name = "qualified_policy_version") Integer policyVersion,
    @Column(name = "qualified_readiness") Integer readiness,
    @Column(name = "qualified_override_by") String overrideBy,
    @Column(name = "qualified_override_by_name") String overrideByName,
    @Column(name = "qualified_override_justification") String overrideJustification,
    /* the overridden criteria's keys, comma-separated: keys are letters, digits and dashes */
    @Column(name = "qualified_overridden_criteria") String overriddenCriteria) {

  static QualificationCheck passed(Readiness readiness) {
    return new QualificationCheck(readiness.policyVersion(), readiness.score(), null, null, null, null);
  }

  static QualificationCheck overridden(Readiness readiness, String by, String byName, String justification) {
    String keys = String.join(",", readiness.unmetRequired().stream().map(result -> result.criterion().key()).toList());
    return new QualificationCheck(readiness.policyVersion(), readiness.score(), by, byName, justification, keys);
  }

  public boolean wasOverridden() {
    return overrideBy != null;
  }

  /** The keys of the required criteria the override let pass; empty without an override. */
  public List<String> overriddenCriteriaKeys() {
    return overriddenCriteria == null || overriddenCriteria.isEmpty() ? List.of() : Arrays.asList(overriddenCriteria.split(","));
  }
}
