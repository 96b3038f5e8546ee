package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;
import org.leadflow.lead.persistence.LeadEnrichments;
import org.leadflow.web.security.Caller;

/** What enrichment found out about the leads a caller may see. */
@ApplicationScoped
public class EnrichmentQueries {

  @Inject VisibleLeads visible;
  @Inject LeadEnrichments enrichments;

  /** The lead's enrichment, empty until it is enriched; fails as {@link LeadQueries#get} when the caller may not see the lead. */
  @WithSession
  public Uni<Optional<LeadEnrichment>> get(UUID leadId, Caller caller) {
    return visible.find(leadId, caller).chain(lead -> enrichments.findById(leadId)).map(Optional::ofNullable);
  }

  /** The enrichments of these leads (read by the caller already), by lead id. */
  @WithSession
  public Uni<Map<UUID, LeadEnrichment>> of(List<Lead> leads) {
    return enrichments
        .of(leads.stream().map(Lead::id).toList())
        .map(found -> found.stream().collect(Collectors.toMap(LeadEnrichment::leadId, Function.identity())));
  }
}
