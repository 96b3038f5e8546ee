package org.leadflow.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.leadflow.contracts.CloudEventHeaders;

/** A CloudEvent read from Kafka in binary mode: attributes from headers, data from the value. */
public record IncomingEvent(UUID id, String type, String source, String subject, String data) {

  /**
   * Reads the event's attributes.
   *
   * @throws UnprocessableEventException when a required attribute is missing or malformed, which
   *     no retry can fix
   */
  public static IncomingEvent from(ConsumerRecord<String, String> record) {
    String id = header(record, CloudEventHeaders.ID);
    String type = header(record, CloudEventHeaders.TYPE);
    String source = header(record, CloudEventHeaders.SOURCE);
    String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
    if (id == null || type == null || source == null || specVersion == null) {
      throw new UnprocessableEventException(
          "Not a CloudEvent: ce_id, ce_type, ce_source and ce_specversion headers are required");
    }
    if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
      throw new UnprocessableEventException("Unsupported CloudEvents spec version " + specVersion);
    }
    UUID eventId;
    try {
      eventId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new UnprocessableEventException("ce_id is not a UUID: " + id);
    }
    return new IncomingEvent(eventId, type, source, header(record, CloudEventHeaders.SUBJECT), record.value());
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
