package org.leadflow.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A record a consumer could not process and sent to its dead-letter topic, as recorded in the
 * service's {@code dead_letter} table, with what became of its re-drives.
 */
public record DeadLetter(
    UUID id,
    String topic,
    int partition,
    long offset,
    String key,
    String eventId,
    String eventType,
    Map<String, String> headers,
    String payload,
    String reason,
    Instant deadLetteredAt,
    DeadLetterState state,
    int redriveCount,
    Instant lastRedrivenAt,
    String lastRedrivenBy,
    String lastRedriveFailure,
    String lastRedriveKey) {

  /** The record as the consumer read it: same topic, partition, offset, key, headers and value. */
  public ConsumerRecord<String, String> toConsumerRecord() {
    RecordHeaders recordHeaders = new RecordHeaders();
    headers.forEach((name, value) -> recordHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        deadLetteredAt.toEpochMilli(),
        TimestampType.NO_TIMESTAMP_TYPE,
        ConsumerRecord.NULL_SIZE,
        ConsumerRecord.NULL_SIZE,
        key,
        payload,
        recordHeaders,
        Optional.empty());
  }
}
