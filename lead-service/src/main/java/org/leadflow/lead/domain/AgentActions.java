package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.domain.agent.AgentDecision;
import org.leadflow.lead.domain.agent.QualificationAgent;

/**
 * The qualification agent's changes of a lead ({@link QualificationAgent} decides them), and a person's
 * undoing of them: through the lead's own lifecycle, each with the agent's reasons for the history.
 */
public final class AgentActions {

  private AgentActions() {}

  /** Open → Disqualified with the rule's reason, as the agent; the note says why in plain words. */
  public static List<LeadEvent> disqualify(Lead lead, AgentDecision decision, int policyVersion, Instant now) {
    StatusReason next = LeadLifecycle.disqualify(lead.statusReason(), decision.reason());
    List<LeadEvent> events = new ArrayList<>();
    events.add(acted(lead, AgentAction.DISQUALIFY, decision, policyVersion, now));
    events.addAll(
        lead.changeStatus(LeadAction.DISQUALIFY, next, decision.summary(), null, LeadEvent.Cause.QUALIFICATION_AGENT, QualificationAgent.ACTOR, now));
    return events;
  }

  /** The ready-to-qualify mark: the lead itself does not change, its history says so. */
  public static List<LeadEvent> markReady(Lead lead, AgentDecision decision, int policyVersion, Instant now) {
    LeadLifecycle.require(lead.statusReason(), LeadAction.UPDATE);
    return List.of(acted(lead, AgentAction.MARK_READY, decision, policyVersion, now));
  }

  /** The history entry that goes before the agent's qualify (whose change is the qualify itself). */
  public static LeadEvent qualifying(Lead lead, AgentDecision decision, int policyVersion, Instant now) {
    return acted(lead, AgentAction.QUALIFY, decision, policyVersion, now);
  }

  /**
   * A person undoes the agent's disqualification: the lead is Open again with the status reason it had
   * ({@code before}, New or Contacted) and its Cannot Contact flag as it was. Published as the usual
   * reactivation (Open/New) followed, for a contacted lead, by the usual New → Contacted.
   */
  public static List<LeadEvent> undoDisqualification(Lead lead, StatusReason before, String note, Actor person, Instant now) {
    Contactability flag = lead.contactability();
    List<LeadEvent> events = new ArrayList<>(lead.reactivate(note, LeadEvent.Cause.AGENT_ACTION_UNDONE, person, now));
    if (before == StatusReason.CONTACTED) {
      events.addAll(
          lead.changeStatus(
              LeadAction.MARK_CONTACTED,
              LeadLifecycle.markContacted(lead.statusReason()),
              "Contacted before the qualification agent disqualified it",
              null,
              LeadEvent.Cause.AGENT_ACTION_UNDONE,
              person,
              now));
    }
    events.addAll(lead.flagged(flag, person, now));
    return events;
  }

  /** A person clears the agent's ready-to-qualify mark. */
  public static List<LeadEvent> clearReadyMark(Lead lead, String note, Actor person, Instant now) {
    return List.of(new LeadEvent.AgentActed(lead.id(), person, now, "clear-ready-to-qualify", null, note == null ? List.of() : List.of(note), null));
  }

  private static LeadEvent acted(Lead lead, AgentAction action, AgentDecision decision, int policyVersion, Instant now) {
    return new LeadEvent.AgentActed(lead.id(), QualificationAgent.ACTOR, now, action.label(), decision.rule(), decision.reasons(), policyVersion);
  }
}
