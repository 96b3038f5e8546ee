package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.domain.AgentActions;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.persistence.AgentActionLog;
import org.leadflow.web.security.Caller;

/**
 * A person clears the qualification agent's ready-to-qualify mark on a lead they may work: the history
 * records it ({@code ready-to-qualify-cleared}), and the agent does not mark (or otherwise act on) the
 * lead again. A lead without a mark is {@link NoReadyMarkException}.
 */
@ApplicationScoped
public class ClearReadyMark implements CommandHandler<ClearReadyMark.Command, Lead> {

  public record Command(UUID leadId, String note, Caller caller) {}

  @Inject LeadChanges changes;
  @Inject AgentActionLog agentActions;

  @Override
  public Uni<Lead> handle(Command command) {
    Caller caller = command.caller();
    return changes
        .find(command.leadId(), java.util.Optional.empty(), caller)
        .chain(lead -> agentActions.inForce(lead.id(), AgentAction.MARK_READY).chain(mark -> {
          if (mark.isEmpty()) {
            throw new NoReadyMarkException(lead.id());
          }
          Instant now = changes.now();
          return changes
              .record(lead, AgentActions.clearReadyMark(lead, command.note(), LeadChanges.actorOf(caller), now))
              .call(() -> agentActions.undone(mark.get().id(), caller.id(), caller.name(), now));
        }));
  }

  /** The lead has no ready-to-qualify mark of the agent in force. */
  public static class NoReadyMarkException extends RuntimeException {
    public NoReadyMarkException(UUID leadId) {
      super("Lead " + leadId + " has no ready-to-qualify mark of the qualification agent");
    }
  }
}
