package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;
import org.leadflow.lead.persistence.LeadEnrichments;
import org.leadflow.web.security.Caller;

/**
 * Asks for a lead's enrichment again ({@code POST /leads/{id}/enrichment}), e.g. after the provider
 * was down or its data changed: the company data is looked up again, whatever the provider answered
 * before, and the built-in enrichers run again, by the retry schedule within {@code
 * leadflow.enrichment.provider.retry-interval}. The request only records that it is due.
 */
@ApplicationScoped
public class RerunEnrichment implements CommandHandler<RerunEnrichment.Command, LeadEnrichment> {

  public record Command(UUID leadId, Caller caller) {}

  @Inject LeadChanges changes;
  @Inject LeadEnrichments enrichments;

  @Override
  public Uni<LeadEnrichment> handle(Command command) {
    Instant now = changes.now();
    return changes
        .find(command.leadId(), Optional.empty(), command.caller())
        .chain(lead -> enrichments.findById(lead.id()))
        .chain(known -> {
          LeadEnrichment enrichment = known != null ? known : LeadEnrichment.of(command.leadId(), now);
          enrichment.lookUpAgain(now);
          return known != null ? enrichments.flush().replaceWith(enrichment) : enrichments.persist(enrichment);
        });
  }
}
