package org.leadflow.lead.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.leadflow.lead.domain.HistoryEntry;

@ApplicationScoped
public class HistoryMapper {

  @Inject ObjectMapper json;

  public HistoryEntryResponse toResponse(HistoryEntry entry) {
    try {
      List<HistoryEntryResponse.Change> changes =
          json.readValue(entry.changesJson(), new TypeReference<List<HistoryEntryResponse.Change>>() {});
      Map<String, Object> details =
          entry.detailsJson() == null
              ? null
              : json.readValue(entry.detailsJson(), new TypeReference<Map<String, Object>>() {});
      return new HistoryEntryResponse(
          entry.id(),
          entry.occurredAt(),
          ActorResponse.of(entry.actor()),
          entry.action(),
          changes,
          details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("History entry " + entry.id() + " is not readable", e);
    }
  }
}
