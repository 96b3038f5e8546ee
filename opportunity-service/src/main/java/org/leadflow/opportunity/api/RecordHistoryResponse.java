package org.leadflow.opportunity.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of an account or a contact: who, when, and each field's old and new value. */
@Schema(name = "RecordHistoryEntry")
public record RecordHistoryResponse(
    UUID id,
    Instant occurredAt,
    RecordActor actor,
    @Schema(enumeration = {"created", "updated"}, example = "updated") String action,
    List<RecordChange> changes) {

  /** Who made the change: the subject of their token, and its display name when it has one. */
  @Schema(name = "RecordActor")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RecordActor(@Schema(example = "seller-7") String id, @Schema(example = "Ada Lovelace") String name) {}

  /** One field's change; values as the record's API shows them (money as {amount, currency}). */
  @Schema(name = "RecordChange")
  public record RecordChange(
      @Schema(example = "city") String field,
      @Schema(example = "London", description = "null when the field had no value") Object oldValue,
      @Schema(example = "Cambridge", description = "null when the field was cleared") Object newValue) {}

  /** One page of a record's history, newest first. */
  @Schema(name = "RecordHistoryPage")
  public record RecordHistoryPage(List<RecordHistoryResponse> items, int page, int size, long total) {}
}
