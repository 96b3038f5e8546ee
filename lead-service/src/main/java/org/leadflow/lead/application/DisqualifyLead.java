package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.web.security.Caller;

/** Open → Disqualified with the reason as status reason; publishes {@code leadflow.lead.disqualified.v1}. */
@ApplicationScoped
public class DisqualifyLead implements CommandHandler<DisqualifyLead.Command, Lead> {

  public record Command(
      UUID leadId, Optional<Long> expectedVersion, StatusReason reason, String note, LocalDate nurtureUntil, Caller caller) {}

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    return changes.change(
        command.leadId(),
        command.expectedVersion(),
        command.caller(),
        lead ->
            lead.disqualify(
                command.reason(), command.note(), command.nurtureUntil(), LeadChanges.actorOf(command.caller()), changes.now()));
  }
}
