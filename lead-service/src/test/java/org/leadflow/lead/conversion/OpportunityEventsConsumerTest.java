package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.ConsumedEvents;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;

/**
 * What lead-service's consumer of opportunity-events does with messages that are not answers it
 * acts on, and with failures: a passing one is retried until the answer is applied, only an answer
 * that can never be processed is dead-lettered. The answers themselves are {@link LeadConversionTest}'s.
 */
@QuarkusTest
class OpportunityEventsConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject ObjectMapper json;
  @Inject MeterRegistry registry;

  @Test
  void anEventOfATypeItDoesNotActOnIsCountedAsIgnoredUnreadAndLeavesNoInboxRow() throws Exception {
    // A type no other event has, so that its count is this test's alone.
    String type = "leadflow.opportunity.not-yet-invented-" + UUID.randomUUID() + ".v1";

    UUID eventId = OpportunityEvents.send(type, UUID.randomUUID().toString(), "data no answer reader would accept");

    await().atMost(PATIENCE).until(() -> ignored(type) == 1);
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void aMessageOfATypeItIgnoresIsStillDeadLetteredWhenItIsNotACloudEvent() throws Exception {
    String key = UUID.randomUUID().toString();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER)) {
      OpportunityEvents.send(
          key,
          "{}",
          Map.of(
              CloudEventHeaders.ID, UUID.randomUUID().toString(),
              CloudEventHeaders.TYPE, "leadflow.opportunity.won.v1",
              CloudEventHeaders.SOURCE, OpportunityEventTypes.SOURCE,
              CloudEventHeaders.SPEC_VERSION, "0.3"));

      TopicReader.Event dead = deadLetters.await(e -> key.equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.header("dead-letter-reason")).contains("Unsupported CloudEvents spec version 0.3");
    }
  }

  @Test
  void aDatabaseFailureIsRetriedUntilItPassesThenTheAnswerIsAppliedAndNothingIsDeadLettered() throws Exception {
    ExtractableResponse<Response> qualified = qualifiedLead();
    String leadId = qualified.path("lead.id");
    String opportunityId = qualified.path("conversion.opportunityId");
    double retriedBefore = retried();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER)) {
      // A real failure of the real database: the inbox table, written with every answer, is away.
      execute("ALTER TABLE processed_event RENAME TO processed_event_away");
      try {
        send(OpportunityEventTypes.CREATED, opportunityId, Map.of(
            "opportunityId", opportunityId, "originatingLeadId", leadId, "conversionId", qualified.<String>path("conversion.id"),
            "accountId", qualified.<String>path("conversion.accountId"), "accountCreated", true,
            "contactId", qualified.<String>path("conversion.contactId"), "contactCreated", true,
            "name", "Engines", "state", "Open", "statusReason", "In Progress"));
        await().atMost(PATIENCE).until(() -> retried() >= retriedBefore + 2);
        assertThat(conversionStatus(leadId)).as("a failed attempt leaves nothing behind").isEqualTo("pending");
      } finally {
        execute("ALTER TABLE processed_event_away RENAME TO processed_event");
      }

      await().atMost(PATIENCE).until(() -> "completed".equals(conversionStatus(leadId)));
      assertThat(given().get("/api/v1/leads/{id}", leadId).then().extract().<String>path("conversion.opportunityId")).isEqualTo(opportunityId);
      assertThat(deadLetters.seen()).noneMatch(e -> opportunityId.equals(e.key()));
    }
  }

  @Test
  void anAnswerAboutALeadThatDoesNotExistIsDeadLetteredAtOnceNotRetried() throws Exception {
    String opportunityId = UUID.randomUUID().toString();
    double retriedBefore = retried();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER)) {
      send(OpportunityEventTypes.CONVERSION_FAILED, opportunityId, Map.of(
          "originatingLeadId", UUID.randomUUID().toString(), "conversionId", UUID.randomUUID().toString(),
          "opportunityId", opportunityId, "reason", "invalid-opportunity"));

      TopicReader.Event dead = deadLetters.await(e -> opportunityId.equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.header("dead-letter-reason")).contains("lead that does not exist");
      assertThat(retried()).isEqualTo(retriedBefore);
    }
  }

  @Test
  void anAnswerWithoutItsConversionIdIsDeadLettered() throws Exception {
    String opportunityId = UUID.randomUUID().toString();
    try (TopicReader deadLetters =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER)) {
      send(OpportunityEventTypes.CREATED, opportunityId, Map.of("opportunityId", opportunityId, "originatingLeadId", UUID.randomUUID().toString()));

      TopicReader.Event dead = deadLetters.await(e -> opportunityId.equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.header("dead-letter-reason")).contains("without originatingLeadId or conversionId");
    }
  }

  @Test
  void aFailureAnswerLongerThanTheColumnsHoldStillFailsTheConversion() throws Exception {
    ExtractableResponse<Response> qualified = qualifiedLead();
    String leadId = qualified.path("lead.id");
    String opportunityId = qualified.path("conversion.opportunityId");

    send(OpportunityEventTypes.CONVERSION_FAILED, opportunityId, Map.of(
        "originatingLeadId", leadId, "conversionId", qualified.<String>path("conversion.id"), "opportunityId", opportunityId,
        "reason", "r".repeat(150), "detail", "d".repeat(3000)));

    await().atMost(PATIENCE).until(() -> "failed".equals(conversionStatus(leadId)));
    ExtractableResponse<Response> lead = given().get("/api/v1/leads/{id}", leadId).then().extract();
    assertThat(lead.<String>path("conversion.failureReason")).hasSize(100).startsWith("rrr");
    assertThat(lead.<String>path("conversion.failureDetail")).hasSize(2000).startsWith("ddd");
  }

  private static ExtractableResponse<Response> qualifiedLead() {
    String id =
        given().contentType(ContentType.JSON).body("{\"lastName\":\"Lovelace\",\"companyName\":\"Engines " + UUID.randomUUID() + "\"}")
            .post("/api/v1/leads").then().statusCode(201).extract().path("id");
    return given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/qualify", id).then().statusCode(200).extract();
  }

  private static String conversionStatus(String leadId) {
    return given().get("/api/v1/leads/{id}", leadId).then().statusCode(200).extract().path("conversion.status");
  }

  private void send(String type, String key, Map<String, Object> data) throws Exception {
    OpportunityEvents.send(type, key, json.writeValueAsString(data));
  }

  private double retried() {
    return registry.find("leadflow.events.retried").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static void execute(String sql) throws Exception {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("leads"), infra.postgresUsername(), infra.postgresPassword());
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static double ignored(String type) {
    String metrics = given().when().get(ConsumedEvents.METRICS_PATH).then().statusCode(200).extract().asString();
    return ConsumedEvents.ignored(metrics, EventTopics.OPPORTUNITY_EVENTS, type);
  }

  private static long inboxRows(UUID eventId) throws Exception {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("leads"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement query = db.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
