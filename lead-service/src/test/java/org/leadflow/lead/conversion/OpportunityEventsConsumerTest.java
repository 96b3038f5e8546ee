package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * acts on. The answers themselves are {@link LeadConversionTest}'s.
 */
@QuarkusTest
class OpportunityEventsConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

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
