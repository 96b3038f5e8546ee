package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The pipe between the services: lead-service's outbox → Kafka → opportunity-service's consumer
 * (a LeadCreated becomes a fact of the funnel there, upserted by lead id; only a LeadQualified goes
 * through its inbox).
 */
class LeadEventPipeIT {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  /** mp.messaging.incoming.lead-events.group.id in opportunity-service's application.properties. */
  private static final String OPPORTUNITY_SERVICE_GROUP = "opportunity-service";

  private static Infrastructure infrastructure;
  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBothServices() {
    infrastructure = SharedInfrastructure.get();
    services = BothServices.shared(infrastructure);
  }

  @Test
  void aLeadCreatedInLeadServiceReachesOpportunityServiceUnderItsOutboxEventIdAndIsAFunnelFactWithoutAnInboxRow()
      throws Exception {
    try (TopicReader topic =
        TopicReader.fromNow(infrastructure.kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String leadId = createLead("{\"lastName\":\"Hopper\",\"companyName\":\"Cobol Inc\",\"country\":\"US\"}");

      // Its created event; enrichment and scoring may append the lead's next events at once.
      UUID outboxEventId =
          single(query("leads", "SELECT id FROM outbox_event WHERE aggregate_id = ? AND type = ?", UUID.fromString(leadId), LeadEventTypes.CREATED));
      TopicReader.Event published =
          topic.await(event -> leadId.equals(event.key()), 1, Duration.ofSeconds(20)).get(0);
      assertThat(published.header(CloudEventHeaders.ID)).isEqualTo(outboxEventId.toString());
      assertThat(published.header(CloudEventHeaders.TYPE)).isEqualTo(LeadEventTypes.CREATED);

      // Acknowledged by opportunity-service (its group's committed offset is past the record), kept as
      // the lead's funnel fact (owner and creation time), and recorded in no inbox.
      await().atMost(Duration.ofSeconds(20)).until(() -> committedByOpportunityService(published) > published.offset());
      assertThat(query("opportunities", "SELECT owner_id FROM lead_funnel_fact WHERE lead_id = ? AND created_at IS NOT NULL", UUID.fromString(leadId)))
          .containsExactly("system-test-import");
      assertThat(query("opportunities", "SELECT outcome FROM processed_event WHERE event_id = ?", outboxEventId)).isEmpty();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  !query("leads", "SELECT published_at FROM outbox_event WHERE id = ? AND published_at IS NOT NULL", outboxEventId)
                      .isEmpty());
    }
  }

  @Test
  void bothServicesReportReadyWithDatabaseAndKafka() throws Exception {
    for (LeadflowService service : LeadflowService.values()) {
      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(services.uri(service, LeadflowService.READINESS_PATH)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(service.serviceName()).isEqualTo(200);
      assertThat(ready.body())
          .contains("\"status\": \"UP\"")
          .contains("Reactive PostgreSQL connections health check")
          .contains("Kafka connection health check");
    }
  }

  private String createLead(String json) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(services.uri(LeadflowService.LEAD_SERVICE, "/api/v1/leads"))
                .header("Authorization", "Bearer " + TestTokens.integration("system-test-import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    Matcher id = ID.matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  /** The offset up to which opportunity-service's consumer group has acknowledged the event's partition. */
  private static long committedByOpportunityService(TopicReader.Event event) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
      OffsetAndMetadata committed =
          admin.listConsumerGroupOffsets(OPPORTUNITY_SERVICE_GROUP).partitionsToOffsetAndMetadata().get()
              .get(new TopicPartition(EventTopics.LEAD_EVENTS, event.partition()));
      return committed == null ? -1 : committed.offset();
    }
  }

  private static List<Object> query(String database, String sql, Object... parameters) throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                infrastructure.jdbcUrl(database),
                infrastructure.postgresUsername(),
                infrastructure.postgresPassword());
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    }
  }

  private static <T> T single(List<Object> values) {
    assertThat(values).hasSize(1);
    @SuppressWarnings("unchecked")
    T value = (T) values.get(0);
    return value;
  }
}
