package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.leadflow.opportunity.domain.RecordHistoryEntry;

/** The audit history of every kind of record, in {@code record_history}. */
@ApplicationScoped
public class RecordHistoryRepository implements PanacheRepositoryBase<RecordHistoryEntry, UUID> {

  /** Entries written in one transaction share their time: seq keeps their order. */
  private static final Sort NEWEST_FIRST = Sort.descending("occurredAt", "seq");

  /** The record's history, newest first. */
  public PanacheQuery<RecordHistoryEntry> of(String recordType, UUID recordId) {
    return find("recordType = :type and recordId = :id", NEWEST_FIRST, Map.of("type", recordType, "id", recordId));
  }
}
