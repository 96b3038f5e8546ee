package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.leadflow.opportunity.domain.OpportunityHistoryEntry;

@ApplicationScoped
public class OpportunityHistoryRepository implements PanacheRepositoryBase<OpportunityHistoryEntry, UUID> {

  /** The opportunity's history, newest first. */
  public PanacheQuery<OpportunityHistoryEntry> ofOpportunity(UUID opportunityId) {
    return find(
        "recordType = ?1 and recordId = ?2",
        Sort.descending("occurredAt", "seq"),
        OpportunityHistoryEntry.RECORD_TYPE,
        opportunityId);
  }
}
