package org.leadflow.lead.domain.agent;

import java.util.function.Consumer;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.policy.PolicyProblem;

/**
 * One rule of the agent's policy: when a lead's facts meet {@code when}, the agent takes {@code action}
 * (disqualifying with {@code reason}, a disqualified status reason a person may choose).
 */
public record AgentRule(String name, AgentConditions when, AgentAction action, StatusReason reason) {

  void check(String path, boolean qualifyOptIn, Consumer<PolicyProblem> problems) {
    if (name == null || name.isBlank()) {
      problems.accept(new PolicyProblem(path + ".name", "must not be blank"));
    }
    if (action == null) {
      problems.accept(new PolicyProblem(path + ".action", "must be disqualify, mark-ready-to-qualify or qualify"));
      return;
    }
    if (when == null || when.isEmpty()) {
      problems.accept(new PolicyProblem(path + ".when", "must set at least one condition: a rule for every lead is a mistake"));
    } else {
      when.check(path + ".when", problems);
    }
    switch (action) {
      case DISQUALIFY -> {
        if (reason == null || reason.state() != LeadState.DISQUALIFIED || reason == StatusReason.MERGED) {
          problems.accept(new PolicyProblem(path + ".reason", "must be Lost, Cannot Contact, No Longer Interested or Canceled"));
        }
      }
      case QUALIFY -> {
        if (!qualifyOptIn) {
          problems.accept(new PolicyProblem(path + ".action", "qualify needs qualifyOptIn: true, the agent qualifies only when asked to"));
        }
        if (when != null && when.scoreAtLeast() == null) {
          problems.accept(new PolicyProblem(path + ".when.scoreAtLeast", "is required for qualify: the agent qualifies only leads scored above a bar"));
        }
        checkNoReason(path, problems);
      }
      case MARK_READY -> checkNoReason(path, problems);
    }
  }

  private void checkNoReason(String path, Consumer<PolicyProblem> problems) {
    if (reason != null) {
      problems.accept(new PolicyProblem(path + ".reason", "is only for disqualify"));
    }
  }
}
