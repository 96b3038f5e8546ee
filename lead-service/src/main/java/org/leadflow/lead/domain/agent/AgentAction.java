package org.leadflow.lead.domain.agent;

/** What a rule of the agent's policy does to a lead whose facts meet its conditions. */
public enum AgentAction {
  /** Disqualify with the rule's status reason. */
  DISQUALIFY("disqualify"),
  /** Mark the lead ready to qualify, for its owner to qualify (the worklist puts it first among equals). */
  MARK_READY("mark-ready-to-qualify"),
  /** Qualify, and so request its conversion: only with the policy's opt-in, only when every required criterion holds. */
  QUALIFY("qualify");

  private final String label;

  AgentAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static AgentAction named(String label) {
    for (AgentAction action : values()) {
      if (action.label.equals(label)) {
        return action;
      }
    }
    return null;
  }
}
