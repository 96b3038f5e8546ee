package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.web.security.Caller;

/** Disqualified → Open/New, the history kept; publishes {@code leadflow.lead.reactivated.v1}. */
@ApplicationScoped
public class ReactivateLead implements CommandHandler<ReactivateLead.Command, Lead> {

  public record Command(UUID leadId, Optional<Long> expectedVersion, String note, Caller caller) {}

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    return changes.change(
        command.leadId(),
        command.expectedVersion(),
        command.caller(),
        lead -> lead.reactivate(command.note(), null, LeadChanges.actorOf(command.caller()), changes.now()));
  }
}
