package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.service.LeadEventRecorder;
import org.leadflow.lead.service.LeadNotFoundException;
import org.leadflow.lead.service.VisibleLeads;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * Publishes a pending conversion's {@code leadflow.lead.qualified.v1} again (its answer may have been
 * lost): the same data under a new event id, for a sales manager or an admin, who both reach every
 * lead for this. The lead itself is unchanged; its history records who asked.
 */
@ApplicationScoped
public class RepublishConversion implements CommandHandler<RepublishConversion.Command, Lead> {

  public record Command(UUID leadId, Optional<Long> expectedVersion, Caller caller) {}

  @Inject VisibleLeads visible;
  @Inject LeadEventRecorder recorder;
  @Inject StoredConversionRequests stored;
  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    Caller caller = command.caller();
    return visible
        .find(command.leadId())
        .invoke(lead -> {
          if (!caller.seesEveryOwner() && !caller.has(Roles.ADMIN)) {
            throw new LeadNotFoundException(command.leadId());
          }
          VisibleLeads.requireVersion(lead, command.expectedVersion());
        })
        .call(lead -> recorder.record(
            lead,
            lead.republishConversion(
                () -> ConversionPlan.current(stored.read(lead.conversionRequest()), lead), LeadChanges.actorOf(caller), changes.now())));
  }
}
