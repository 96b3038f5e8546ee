package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.AgentActions;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.persistence.AgentActionLog;
import org.leadflow.web.security.Caller;

/**
 * Disqualified → Open/New, the history kept; publishes {@code leadflow.lead.reactivated.v1}. A lead
 * whose disqualification was the qualification agent's (and nothing changed it since) is restored as it
 * was: Open with the status reason it had (New, or Contacted: the reactivation followed by New →
 * Contacted) and its Cannot Contact flag; the agent's action is marked undone, and the agent leaves the
 * lead alone from then on.
 */
@ApplicationScoped
public class ReactivateLead implements CommandHandler<ReactivateLead.Command, Lead> {

  public record Command(UUID leadId, Optional<Long> expectedVersion, String note, Caller caller) {}

  @Inject LeadChanges changes;
  @Inject AgentActionLog agentActions;

  @Override
  public Uni<Lead> handle(Command command) {
    Caller caller = command.caller();
    return changes
        .find(command.leadId(), command.expectedVersion(), caller)
        .chain(lead -> agentActions.inForce(lead.id(), AgentAction.DISQUALIFY).chain(action -> {
          Actor person = LeadChanges.actorOf(caller);
          Instant now = changes.now();
          // The agent's disqualification is the lead's latest change: nothing changed the lead since.
          Optional<AgentActionLog.ActionInForce> undone =
              action.filter(found -> lead.state() == LeadState.DISQUALIFIED && !found.actedAt().isBefore(lead.updatedAt()));
          List<LeadEvent> events =
              undone.isPresent()
                  ? AgentActions.undoDisqualification(lead, undone.get().statusBefore(), command.note(), person, now)
                  : lead.reactivate(command.note(), null, person, now);
          return changes
              .record(lead, events)
              .call(() -> undone.isPresent() ? agentActions.undone(undone.get().id(), caller.id(), caller.name(), now) : Uni.createFrom().voidItem());
        }));
  }
}
