package org.leadflow.lead.domain.policy;

import java.util.List;

/**
 * The gate on qualify: a lead is qualified only when it meets every required criterion of the policy
 * in force, unless a sales manager overrides the gate with a justification. The dry run passes the
 * same gate.
 */
public final class QualificationGate {

  public static final int LONGEST_JUSTIFICATION = 1000;

  private QualificationGate() {}

  /**
   * @param justification why the gate is overridden; null when the caller asks for no override
   * @param mayOverride whether the caller may override (a sales manager)
   * @return how the lead passes
   * @throws RefusedException when a required criterion is not met and there is no override
   * @throws OverrideNotAllowedException when the override is needed but the caller may not give it
   */
  public static QualificationCheck check(Readiness readiness, String justification, String callerId, String callerName, boolean mayOverride) {
    if (readiness.requiredMet()) {
      return QualificationCheck.passed(readiness);
    }
    if (justification == null) {
      throw new RefusedException(readiness.policyVersion(), readiness.unmetRequired());
    }
    if (!mayOverride) {
      throw new OverrideNotAllowedException();
    }
    return QualificationCheck.overridden(readiness, callerId, callerName, justification);
  }

  /** The lead does not meet every required criterion, and nobody overrode the gate. */
  public static class RefusedException extends RuntimeException {
    private final int policyVersion;
    private final transient List<CriterionResult> unmet;

    public RefusedException(int policyVersion, List<CriterionResult> unmet) {
      super(
          "The lead does not meet "
              + unmet.size()
              + (unmet.size() == 1 ? " required criterion" : " required criteria")
              + " of qualification policy version "
              + policyVersion
              + "; a sales manager may qualify it anyway with a justification (policyOverride)");
      this.policyVersion = policyVersion;
      this.unmet = List.copyOf(unmet);
    }

    public int policyVersion() {
      return policyVersion;
    }

    public List<CriterionResult> unmet() {
      return unmet;
    }
  }

  /** Only a sales manager may qualify a lead that does not meet the policy. */
  public static class OverrideNotAllowedException extends RuntimeException {
    public OverrideNotAllowedException() {
      super("Only a sales manager may override the qualification policy");
    }
  }
}
