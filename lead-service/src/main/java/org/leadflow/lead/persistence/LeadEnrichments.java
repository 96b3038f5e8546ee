package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.enrichment.LeadEnrichment;

/** The enrichment of each lead (table {@code lead_enrichment}, migration V22). */
@ApplicationScoped
public class LeadEnrichments implements PanacheRepositoryBase<LeadEnrichment, UUID> {

  public Uni<List<LeadEnrichment>> of(Collection<UUID> leadIds) {
    return leadIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("leadId in ?1", leadIds);
  }

  /**
   * In the caller's transaction: up to {@code limit} leads whose company data lookup is due, each
   * claimed until {@code leaseUntil} (so that another instance, or the next run, leaves it alone
   * meanwhile); rows another transaction holds are skipped.
   */
  @SuppressWarnings("unchecked")
  public Uni<List<UUID>> claimDue(Instant now, Instant leaseUntil, int limit) {
    return getSession()
        .chain(session -> session
            .createNativeQuery(
                "UPDATE lead_enrichment SET provider_next_attempt_at = :lease WHERE lead_id IN ("
                    + " SELECT lead_id FROM lead_enrichment WHERE provider_next_attempt_at <= :now"
                    + " ORDER BY provider_next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING lead_id",
                UUID.class)
            .setParameter("lease", leaseUntil)
            .setParameter("now", now)
            .setParameter("limit", limit)
            .getResultList());
  }
}
