package org.leadflow.opportunity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;

@QuarkusTest
class LeadEventsConsumerTest {

  private final Infrastructure infra = SharedInfrastructure.get();
  private KafkaProducer<String, String> producer;

  @BeforeEach
  void openProducer() {
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", infra.kafkaBootstrapServers(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterEach
  void closeProducer() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void aConsumedEventIsRecordedInTheInboxOnce() throws Exception {
    UUID eventId = UUID.randomUUID();
    String leadId = UUID.randomUUID().toString();
    send(cloudEvent(eventId, leadId));

    await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(eventId) == 1);
    assertThat(inboxOutcome(eventId)).isEqualTo("IGNORED");
  }

  @Test
  void aRedeliveredEventIsNotProcessedTwice() throws Exception {
    UUID eventId = UUID.randomUUID();
    String leadId = UUID.randomUUID().toString();
    UUID marker = UUID.randomUUID();
    send(cloudEvent(eventId, leadId));
    send(cloudEvent(eventId, leadId));
    // Same partition (same key), so the marker is consumed after both copies.
    send(cloudEvent(marker, leadId));

    await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(marker) == 1);
    assertThat(inboxRows(eventId)).isEqualTo(1);
  }

  @Test
  void aMessageThatIsNotACloudEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
    String leadId = UUID.randomUUID().toString();
    UUID next = UUID.randomUUID();
    try (TopicReader deadLetters =
        TopicReader.fromNow(infra.kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER)) {
      send(new ProducerRecord<>(EventTopics.LEAD_EVENTS, leadId, "{\"no\":\"headers\"}"));
      send(cloudEvent(next, leadId));

      List<TopicReader.Event> dead = deadLetters.await(e -> leadId.equals(e.key()), 1, Duration.ofSeconds(20));
      assertThat(dead.get(0).value()).isEqualTo("{\"no\":\"headers\"}");
      assertThat(dead.get(0).header("dead-letter-reason")).contains("Not a CloudEvent");
      await().atMost(Duration.ofSeconds(20)).until(() -> inboxRows(next) == 1);
    }
  }

  private ProducerRecord<String, String> cloudEvent(UUID eventId, String leadId) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(EventTopics.LEAD_EVENTS, leadId, "{\"leadId\":\"" + leadId + "\",\"lastName\":\"Test\"}");
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {CloudEventHeaders.ID, eventId.toString()});
    headers.add(new String[] {CloudEventHeaders.TYPE, "leadflow.lead.created.v1"});
    headers.add(new String[] {CloudEventHeaders.SOURCE, "/leadflow/lead-service"});
    headers.add(new String[] {CloudEventHeaders.SPEC_VERSION, "1.0"});
    headers.add(new String[] {CloudEventHeaders.SUBJECT, leadId});
    headers.add(new String[] {CloudEventHeaders.CONTENT_TYPE, "application/json"});
    for (String[] header : headers) {
      record.headers().add(header[0], header[1].getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  private void send(ProducerRecord<String, String> record) throws Exception {
    producer.send(record).get();
  }

  private int inboxRows(UUID eventId) throws Exception {
    try (Connection db = connect();
        PreparedStatement query = db.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private String inboxOutcome(UUID eventId) throws Exception {
    try (Connection db = connect();
        PreparedStatement query = db.prepareStatement("SELECT outcome FROM processed_event WHERE event_id = ?")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    }
  }

  private Connection connect() throws Exception {
    return DriverManager.getConnection(
        infra.jdbcUrl("opportunities"), infra.postgresUsername(), infra.postgresPassword());
  }
}
