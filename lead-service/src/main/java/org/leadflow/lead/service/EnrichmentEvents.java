package org.leadflow.lead.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.contracts.lead.FieldChange;
import org.leadflow.contracts.lead.LeadEnriched;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;
import org.leadflow.messaging.Outbox;

/** {@code leadflow.lead.enriched.v1}, written to the outbox in the transaction of the enrichment. */
@ApplicationScoped
public class EnrichmentEvents {

  @Inject Outbox outbox;

  /** @param filled the lead fields filled in this run (field, old value, new value) */
  public Uni<Void> enriched(LeadEnrichment enrichment, List<org.leadflow.lead.domain.FieldChange> filled) {
    Map<String, LeadEnriched.Fact> facts = new LinkedHashMap<>();
    enrichment.facts().forEach((key, fact) -> facts.put(key, new LeadEnriched.Fact(fact.value(), fact.source(), fact.enrichedAt())));
    LeadEnriched data =
        new LeadEnriched(
            enrichment.leadId(),
            facts,
            filled.stream().map(change -> new FieldChange(change.field(), change.oldValue(), change.newValue())).toList(),
            enrichment.providerStatus().label(),
            enrichment.enrichedAt());
    return outbox.append(LeadEventTypes.AGGREGATE_TYPE, enrichment.leadId(), LeadEventTypes.ENRICHED, enrichment.enrichedAt(), data).replaceWithVoid();
  }
}
