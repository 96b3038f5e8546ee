package org.leadflow.messaging.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dead letter in the API. */
@Schema(name = "DeadLetter", description = "An event a consumer of this service could not process and dead-lettered")
public record DeadLetterResponse(
    @Schema(description = "Id of the dead letter (not of the event)") UUID id,
    @Schema(description = "The topic the event was read from", example = "lead-events") String topic,
    int partition,
    long offset,
    @Schema(description = "The record's key (the aggregate id)", nullable = true) String key,
    @Schema(description = "ce_id, when the record had one", nullable = true) String eventId,
    @Schema(description = "ce_type, when the record had one", nullable = true, example = "leadflow.lead.qualified.v1") String eventType,
    @Schema(description = "The record's headers, CloudEvents attributes included (NUL characters shown as U+FFFD)")
        Map<String, String> headers,
    @Schema(description = "The record's value as received", nullable = true) String payload,
    @Schema(description = "Why it was dead-lettered (the dead-letter-reason header on the dead-letter topic)") String reason,
    Instant deadLetteredAt,
    @Schema(type = SchemaType.STRING, enumeration = {"dead-lettered", "redriven", "redrive-failed"},
        description = "dead-lettered: never re-driven; redriven: re-driven and processed; redrive-failed: re-driven and failed again (lastRedriveFailure says why)")
        String state,
    @Schema(description = "How often it was re-driven") int redriveCount,
    @Schema(nullable = true) Instant lastRedrivenAt,
    @Schema(description = "Who re-drove it last", nullable = true) String lastRedrivenBy,
    @Schema(description = "Why the last re-drive failed", nullable = true) String lastRedriveFailure) {

  static DeadLetterResponse of(DeadLetter letter) {
    return new DeadLetterResponse(
        letter.id(),
        letter.topic(),
        letter.partition(),
        letter.offset(),
        letter.key(),
        letter.eventId(),
        letter.eventType(),
        letter.headers(),
        letter.payload(),
        letter.reason(),
        letter.deadLetteredAt(),
        letter.state().label(),
        letter.redriveCount(),
        letter.lastRedrivenAt(),
        letter.lastRedrivenBy(),
        letter.lastRedriveFailure());
  }

  /** One page of dead letters. */
  @Schema(name = "DeadLetterPage")
  public record Page(List<DeadLetterResponse> items, int page, int size, long total) {}
}
