package org.leadflow.opportunity.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadflow.opportunity.domain.ChangedField;
import org.leadflow.opportunity.domain.RecordHistoryEntry;
import org.leadflow.opportunity.persistence.RecordHistoryRepository;
import org.leadflow.web.security.Caller;

/** Writes and reads the audit history of accounts, contacts and opportunities: who changed what, when. */
@ApplicationScoped
public class RecordHistory {

  @Inject RecordHistoryRepository entries;
  @Inject ObjectMapper json;

  /** Appends an entry in the caller's transaction; a change that changed nothing leaves none. */
  Uni<Void> record(String recordType, UUID recordId, String action, List<ChangedField> changes, Caller caller, Instant at) {
    if (changes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String changesJson;
    try {
      changesJson = json.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Changes cannot be written as JSON: " + changes, e);
    }
    return entries
        .persist(new RecordHistoryEntry(recordType, recordId, action, caller.id(), caller.name(), at, changesJson))
        .replaceWithVoid();
  }

  /** One page of a record's history, newest first; the caller has been found to see the record. */
  Uni<Page<RecordHistoryEntry>> page(String recordType, UUID recordId, int page, int size) {
    var found = entries.of(recordType, recordId);
    return found
        .page(io.quarkus.panache.common.Page.of(page, size))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, page, size, total)));
  }
}
