package org.leadflow.lead.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of a lead. */
@Schema(name = "HistoryEntry")
public record HistoryEntryResponse(
    UUID id,
    Instant occurredAt,
    ActorResponse actor,
    @Schema(
            enumeration = {
              "created", "updated", "marked-contacted", "contacted-by-outreach", "activity-logged",
              "disqualified", "reactivated", "qualified"
            })
        String action,
    List<Change> changes,
    Map<String, Object> details) {

  @Schema(name = "FieldChange")
  public record Change(
      @Schema(example = "qualification.budget.status") String field,
      @Schema(example = "May Buy") Object oldValue,
      @Schema(example = "Can Buy") Object newValue) {}
}
