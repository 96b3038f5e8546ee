package org.leadflow.opportunity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.devstack.SharedInfrastructure;

/** Publishes to lead-events on the real broker, as lead-service's relay does (CloudEvents binary mode). */
public final class LeadEvents implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final KafkaProducer<String, String> producer =
      new KafkaProducer<>(
          Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers(), "acks", "all"),
          new StringSerializer(),
          new StringSerializer());

  /** Publishes the lead's LeadQualified under a new event id; answers that id. */
  public UUID qualified(QualifiedLead lead) {
    UUID eventId = UUID.randomUUID();
    qualified(eventId, lead.event());
    return eventId;
  }

  /** Publishes a LeadQualified under the given event id (a repeat when the id was used before). */
  public void qualified(UUID eventId, LeadQualified data) {
    try {
      send(eventId, LeadEventTypes.QUALIFIED, data.leadId().toString(), JSON.writeValueAsString(data));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes any CloudEvent to lead-events, keyed by {@code leadId}. */
  public void send(UUID eventId, String type, String leadId, String data) {
    ProducerRecord<String, String> record = new ProducerRecord<>(EventTopics.LEAD_EVENTS, leadId, data);
    header(record, CloudEventHeaders.ID, eventId.toString());
    header(record, CloudEventHeaders.TYPE, type);
    header(record, CloudEventHeaders.SOURCE, LeadEventTypes.SOURCE);
    header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(record, CloudEventHeaders.SUBJECT, leadId);
    header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    try {
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not publish to " + EventTopics.LEAD_EVENTS, e);
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
