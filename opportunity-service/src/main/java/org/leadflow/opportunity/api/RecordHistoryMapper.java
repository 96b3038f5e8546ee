package org.leadflow.opportunity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.leadflow.opportunity.domain.RecordHistoryEntry;

/** Maps history entries of accounts and contacts to the API's records. */
final class RecordHistoryMapper {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<RecordHistoryResponse.RecordChange>> CHANGES = new TypeReference<>() {};

  private RecordHistoryMapper() {}

  static RecordHistoryResponse response(RecordHistoryEntry entry) {
    try {
      return new RecordHistoryResponse(
          entry.id(),
          entry.occurredAt(),
          new RecordHistoryResponse.RecordActor(entry.actorId(), entry.actorName()),
          entry.action(),
          JSON.readValue(entry.changesJson(), CHANGES));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("History entry " + entry.id() + " is not readable", e);
    }
  }
}
