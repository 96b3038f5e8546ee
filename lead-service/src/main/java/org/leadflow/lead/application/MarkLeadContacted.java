package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.web.security.Caller;

/** Open/New → Open/Contacted; publishes {@code leadflow.lead.updated.v1}. */
@ApplicationScoped
public class MarkLeadContacted implements CommandHandler<MarkLeadContacted.Command, Lead> {

  public record Command(UUID leadId, Optional<Long> expectedVersion, Caller caller) {}

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    return changes.change(
        command.leadId(),
        command.expectedVersion(),
        command.caller(),
        lead -> lead.markContacted(LeadChanges.actorOf(command.caller()), changes.now()));
  }
}
