package org.leadflow.lead.domain.policy;

import java.util.List;

/** A policy that cannot be evaluated, with every problem found in it. */
public class InvalidPolicyException extends RuntimeException {

  private final transient List<PolicyProblem> problems;

  public InvalidPolicyException(List<PolicyProblem> problems) {
    super("The qualification policy cannot be evaluated: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
