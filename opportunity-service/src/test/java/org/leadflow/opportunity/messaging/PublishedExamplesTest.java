package org.leadflow.opportunity.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.awaitFound;
import static org.leadflow.opportunity.Api.ignoredLeadEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.contracts.EventCatalog;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * The example of every lead event published in {@code contracts} is accepted by this service's
 * consumer exactly as it stands: the LeadQualified example becomes its opportunity, the LeadCreated
 * example a lead of the funnel, the others are set aside as ignored, none is dead-lettered.
 */
@QuarkusTest
class PublishedExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
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
  void theLeadQualifiedExampleBecomesItsOpportunity() throws IOException {
    String example = example(LeadEventTypes.QUALIFIED);
    JsonNode expected = JSON.readTree(example);
    UUID eventId = UUID.randomUUID();

    leadEvents.send(eventId, LeadEventTypes.QUALIFIED, expected.path("leadId").asText(), example);

    ExtractableResponse<Response> opportunity = awaitFound(OPPORTUNITIES, UUID.fromString(expected.path("opportunityId").asText()));
    assertThat(opportunity.<String>path("name")).isEqualTo(expected.at("/opportunity/name").asText());
    assertThat(opportunity.<String>path("originatingLeadId")).isEqualTo(expected.path("leadId").asText());
    assertThat(opportunity.<String>path("estimatedValue.amount")).isEqualTo(expected.at("/opportunity/estimatedValue/amount").asText());
    assertThat(opportunity.<String>path("estimatedValue.currency")).isEqualTo(expected.at("/opportunity/estimatedValue/currency").asText());
    assertThat(inboxOutcome(eventId)).isEqualTo("PROCESSED");
  }

  @Test
  void theLeadCreatedExampleBecomesALeadOfTheFunnelWithoutAnInboxRow() throws IOException {
    String example = example(LeadEventTypes.CREATED);
    JsonNode expected = JSON.readTree(example);
    UUID leadId = UUID.fromString(expected.path("leadId").asText());
    UUID eventId = UUID.randomUUID();

    leadEvents.send(eventId, LeadEventTypes.CREATED, leadId.toString(), example);

    await()
        .atMost(PATIENCE)
        .until(() -> Database.count("SELECT count(*) FROM lead_funnel_fact WHERE lead_id = ? AND created_at IS NOT NULL", leadId) == 1);
    assertThat(inboxOutcome(eventId)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        LeadEventTypes.UPDATED,
        LeadEventTypes.ACTIVITY_LOGGED,
        LeadEventTypes.DISQUALIFIED,
        LeadEventTypes.REACTIVATED
      })
  void everyOtherLeadEventExampleIsCountedAsIgnoredAndLeavesNoInboxRow(String type) throws IOException {
    String example = example(type);
    String leadId = JSON.readTree(example).path("leadId").asText();
    UUID eventId = UUID.randomUUID();
    double ignoredBefore = ignoredLeadEvents(type);

    leadEvents.send(eventId, type, leadId, example);
    UUID marker = leadEvents.qualifiedAfter(leadId, new QualifiedLead());

    await().atMost(PATIENCE).until(() -> "PROCESSED".equals(inboxOutcome(marker)));
    assertThat(ignoredLeadEvents(type)).isEqualTo(ignoredBefore + 1);
    assertThat(inboxOutcome(eventId)).isNull();
  }

  private static String inboxOutcome(UUID eventId) {
    return (String) Database.value("SELECT outcome FROM processed_event WHERE event_id = ?", eventId);
  }

  private static String example(String type) throws IOException {
    try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.exampleResource(type))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
