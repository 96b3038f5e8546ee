package org.leadflow.lead.domain.agent;

import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;

/**
 * What the agent decided about one lead: an action with the rule that chose it and its reasons in plain
 * words, or none (no rule applies), or skipped (it must not act on the lead now, the reason says why).
 *
 * @param reason the status reason of a disqualification; null otherwise
 */
public record AgentDecision(UUID leadId, Outcome outcome, String rule, StatusReason reason, List<String> reasons) {

  public enum Outcome {
    DISQUALIFY("disqualify"),
    MARK_READY("mark-ready-to-qualify"),
    QUALIFY("qualify"),
    NONE("none"),
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public AgentDecision {
    reasons = List.copyOf(reasons);
  }

  static AgentDecision none(UUID leadId, String why) {
    return new AgentDecision(leadId, Outcome.NONE, null, null, List.of(why));
  }

  /** Whether the decision changes the lead. */
  public boolean acts() {
    return outcome == Outcome.DISQUALIFY || outcome == Outcome.MARK_READY || outcome == Outcome.QUALIFY;
  }

  /** The reasons as one sentence, for a note. */
  public String summary() {
    return "Rule \"" + rule + "\": " + String.join("; ", reasons);
  }
}
