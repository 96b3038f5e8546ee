package org.leadflow.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.contracts.CloudEventHeaders;

/**
 * Publishes to a topic of the real broker, for tests that feed a service's consumer: CloudEvents as
 * the services' outbox relays publish them (binary mode), or any record a test needs. Each record is
 * acknowledged by the broker ({@code acks=all}) before the call returns.
 */
public final class TopicWriter implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final String topic;

  private TopicWriter(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  public static TopicWriter to(String bootstrapServers, String topic) {
    return new TopicWriter(
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrapServers, "acks", "all"),
            new StringSerializer(),
            new StringSerializer()),
        topic);
  }

  /** Publishes a CloudEvent with JSON data about {@code aggregateId}, which is its key and subject. */
  public void cloudEvent(UUID id, String type, String source, String aggregateId, String data) {
    send(
        aggregateId,
        data,
        Map.of(
            CloudEventHeaders.ID, id.toString(),
            CloudEventHeaders.TYPE, type,
            CloudEventHeaders.SOURCE, source,
            CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
            CloudEventHeaders.SUBJECT, aggregateId,
            CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
  }

  /** Publishes a record with exactly these headers, a CloudEvent or not. */
  public void send(String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
