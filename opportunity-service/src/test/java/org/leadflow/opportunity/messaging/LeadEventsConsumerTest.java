package org.leadflow.opportunity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.opportunity.Api.ignoredLeadEvents;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;

/**
 * What the consumer of lead-events does before any conversion: which messages it sets aside and
 * which it dead-letters. Converting, and processing a repeated LeadQualified once, is {@link
 * LeadConversionTest}'s.
 */
@QuarkusTest
class LeadEventsConsumerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private LeadEvents leadEvents;

  @BeforeEach
  void connect() {
    leadEvents = new LeadEvents();
  }

  @AfterEach
  void disconnect() {
    leadEvents.close();
  }

  @Test
  void anEventOfATypeItDoesNotActOnIsCountedAsIgnoredUnreadAndLeavesNoInboxRow() {
    String type = typeOfItsOwn();
    UUID eventId = UUID.randomUUID();

    leadEvents.send(eventId, type, UUID.randomUUID().toString(), "data no LeadQualified reader would accept");

    await().atMost(PATIENCE).until(() -> ignoredLeadEvents(type) == 1);
    assertThat(inboxRows(eventId)).isZero();
  }

  @Test
  void aMessageThatIsNotACloudEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    String leadId = UUID.randomUUID().toString();
    String next = typeOfItsOwn();
    try (TopicReader deadLetters = deadLetters()) {
      leadEvents.send(leadId, "{\"no\":\"headers\"}", Map.of());
      leadEvents.send(UUID.randomUUID(), next, leadId, "{}");

      List<TopicReader.Event> dead = deadLetters.await(e -> leadId.equals(e.key()), 1, PATIENCE);
      assertThat(dead.get(0).value()).isEqualTo("{\"no\":\"headers\"}");
      assertThat(dead.get(0).header("dead-letter-reason")).contains("Not a CloudEvent");
      await().atMost(PATIENCE).until(() -> ignoredLeadEvents(next) == 1);
    }
  }

  @Test
  void aMessageOfATypeItIgnoresIsStillDeadLetteredWhenItIsNotACloudEvent() {
    String leadId = UUID.randomUUID().toString();
    try (TopicReader deadLetters = deadLetters()) {
      leadEvents.send(
          leadId,
          "{}",
          Map.of(
              CloudEventHeaders.ID, "not-a-uuid",
              CloudEventHeaders.TYPE, LeadEventTypes.CREATED,
              CloudEventHeaders.SOURCE, LeadEventTypes.SOURCE,
              CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0));

      TopicReader.Event dead = deadLetters.await(e -> leadId.equals(e.key()), 1, PATIENCE).get(0);
      assertThat(dead.header("dead-letter-reason")).contains("ce_id is not a UUID");
    }
  }

  /** A type no other event has, so that its count is this test's alone. */
  private static String typeOfItsOwn() {
    return "leadflow.lead.not-yet-invented-" + UUID.randomUUID() + ".v1";
  }

  private static TopicReader deadLetters() {
    return TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER);
  }

  private static long inboxRows(UUID eventId) {
    return Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId);
  }
}
