package org.leadflow.opportunity.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
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
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.opportunity.Database;
import org.leadflow.opportunity.LeadEvents;
import org.leadflow.opportunity.QualifiedLead;

/**
 * What an admin sees of the lead events opportunity-service dead-lettered, and what re-driving one
 * does. Who else may not is {@link org.leadflow.opportunity.api.OpportunityApiAccessTest}'s.
 */
@QuarkusTest
class DeadLettersTest {

  private static final String DEAD_LETTERS = "/api/v1/dead-letters";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String ADMIN = "admin-ann";

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
  void aLeadQualifiedWhoseDataIsNotJsonIsOnTheDeadLetterTopicAndListedForAnAdmin() {
    String leadId = UUID.randomUUID().toString();
    UUID eventId = UUID.randomUUID();
    try (TopicReader deadLetterTopic = deadLetterTopic()) {
      leadEvents.send(eventId, LeadEventTypes.QUALIFIED, leadId, "{not json");

      TopicReader.Event onTopic = deadLetterTopic.await(e -> leadId.equals(e.key()), 1, PATIENCE).get(0);
      ExtractableResponse<Response> listed = awaitListed(eventId);

      assertThat(listed.<String>path("topic")).isEqualTo(EventTopics.LEAD_EVENTS);
      assertThat(listed.<Integer>path("partition")).isEqualTo(Integer.parseInt(onTopic.header("dead-letter-partition")));
      assertThat(listed.<Number>path("offset").longValue()).isEqualTo(Long.parseLong(onTopic.header("dead-letter-offset")));
      assertThat(listed.<String>path("key")).isEqualTo(leadId);
      assertThat(listed.<String>path("eventType")).isEqualTo(LeadEventTypes.QUALIFIED);
      assertThat(listed.<Map<String, String>>path("headers"))
          .containsEntry(CloudEventHeaders.ID, eventId.toString())
          .containsEntry(CloudEventHeaders.SOURCE, LeadEventTypes.SOURCE);
      assertThat(listed.<String>path("payload")).isEqualTo("{not json");
      assertThat(listed.<String>path("reason")).isEqualTo(onTopic.header("dead-letter-reason"));
      assertThat(listed.<String>path("state")).isEqualTo("dead-lettered");
      assertThat(listed.<Integer>path("redriveCount")).isZero();
      assertThat(listed.<String>path("deadLetteredAt")).isNotBlank();

      ExtractableResponse<Response> one = succeeded(asAdmin().get(DEAD_LETTERS + "/{id}", listed.<String>path("id")).then().extract());
      assertThat(one.<String>path("payload")).isEqualTo("{not json");
    }
  }

  @Test
  void theListIsNewestFirstAndFiltersByStateAndType() {
    UUID older = UUID.randomUUID();
    UUID newer = UUID.randomUUID();
    String type = "leadflow.lead.qualified.v1";
    leadEvents.send(older, type, UUID.randomUUID().toString(), "[1,");
    String olderId = awaitListed(older).path("id");
    leadEvents.send(newer, type, UUID.randomUUID().toString(), "[2,");
    String newerId = awaitListed(newer).path("id");

    List<String> ids = succeeded(asAdmin().queryParam("type", type).queryParam("size", 200).get(DEAD_LETTERS).then().extract()).path("items.id");
    assertThat(ids).containsSubsequence(newerId, olderId);

    succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", olderId).then().extract());
    List<String> failedAgain =
        succeeded(asAdmin().queryParam("state", "redrive-failed").queryParam("size", 200).get(DEAD_LETTERS).then().extract()).path("items.id");
    assertThat(failedAgain).contains(olderId).doesNotContain(newerId);
    List<String> ofAnotherType =
        succeeded(asAdmin().queryParam("type", "leadflow.lead.created.v1").queryParam("size", 200).get(DEAD_LETTERS).then().extract())
            .path("items.id");
    assertThat(ofAnotherType).doesNotContain(olderId, newerId);
  }

  @Test
  void reDrivingAnEventThatStillCannotBeProcessedRecordsTheNewFailureAndConvertsNothing() {
    UUID eventId = UUID.randomUUID();
    QualifiedLead lead = new QualifiedLead();
    leadEvents.send(eventId, LeadEventTypes.QUALIFIED, lead.leadId.toString(), "{\"leadId\":");
    String id = awaitListed(eventId).path("id");

    ExtractableResponse<Response> first = succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());
    assertThat(first.<String>path("state")).isEqualTo("redrive-failed");
    assertThat(first.<Integer>path("redriveCount")).isEqualTo(1);
    assertThat(first.<String>path("lastRedrivenBy")).isEqualTo(ADMIN);
    assertThat(first.<String>path("lastRedriveFailure")).contains("not");
    assertThat(first.<String>path("lastRedrivenAt")).isNotBlank();

    ExtractableResponse<Response> second = succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());
    assertThat(second.<Integer>path("redriveCount")).isEqualTo(2);
    assertThat(succeeded(asAdmin().get(DEAD_LETTERS + "/{id}", id).then().extract()).<String>path("state")).isEqualTo("redrive-failed");
    assertThat(Database.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)).isZero();
    assertThat(Database.count("SELECT count(*) FROM opportunity WHERE originating_lead_id = ?", lead.leadId)).isZero();
  }

  @Test
  void aRepeatWithTheSameIdempotencyKeyAnswersTheSameOutcomeWithoutReDrivingAgain() {
    UUID eventId = UUID.randomUUID();
    leadEvents.send(eventId, LeadEventTypes.QUALIFIED, UUID.randomUUID().toString(), "nope");
    String id = awaitListed(eventId).path("id");

    ExtractableResponse<Response> first =
        succeeded(asAdmin().header("Idempotency-Key", "redrive-" + id).post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());
    ExtractableResponse<Response> repeat =
        succeeded(asAdmin().header("Idempotency-Key", "redrive-" + id).post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());

    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.<Integer>path("redriveCount")).isEqualTo(1);
    assertThat(repeat.<String>path("lastRedrivenAt")).isEqualTo(first.path("lastRedrivenAt"));
    invalidHeader(asAdmin().header("Idempotency-Key", "k".repeat(201)).post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());
  }

  @Test
  void aDeadLetterReDrivenSuccessfullyBeforeCannotBeReDrivenAgain() {
    UUID eventId = UUID.randomUUID();
    leadEvents.send(eventId, LeadEventTypes.QUALIFIED, UUID.randomUUID().toString(), "{");
    String id = awaitListed(eventId).path("id");
    // What a successful re-drive leaves (one that succeeds is module messaging's DeadLetterRedriveTest).
    Database.execute("UPDATE dead_letter SET state = 'REDRIVEN', redrive_count = 1 WHERE id = '" + UUID.fromString(id) + "'");

    ExtractableResponse<Response> refused = problem(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract(), 409);
    assertThat(refused.<String>path("detail")).contains(id);
    assertThat(succeeded(asAdmin().get(DEAD_LETTERS + "/{id}", id).then().extract()).<Integer>path("redriveCount")).isEqualTo(1);
  }

  @Test
  void anUnknownOrMalformedIdIsNotFound() {
    String unknown = UUID.randomUUID().toString();
    problem(asAdmin().get(DEAD_LETTERS + "/{id}", unknown).then().extract(), 404);
    problem(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", unknown).then().extract(), 404);
    problem(asAdmin().get(DEAD_LETTERS + "/{id}", "not-a-uuid").then().extract(), 404);
    problem(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", "not-a-uuid").then().extract(), 404);
  }

  @Test
  void invalidPagingAndFiltersAreA400NamingEachParameter() {
    ExtractableResponse<Response> refused =
        asAdmin()
            .queryParam("page", "-1")
            .queryParam("size", "201")
            .queryParam("state", "lost")
            .get(DEAD_LETTERS)
            .then()
            .extract();
    assertThat(problem(refused, 400).<List<String>>path("errors.field")).containsExactlyInAnyOrder("page", "size", "state");
    // Text no parameter may hold is refused before the resource reads any (module web).
    ExtractableResponse<Response> nul = asAdmin().queryParam("type", "x\u0000y").get(DEAD_LETTERS).then().extract();
    assertThat(problem(nul, 400).<List<String>>path("errors.field")).containsExactly("type");
    ExtractableResponse<Response> farAway =
        succeeded(asAdmin().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get(DEAD_LETTERS).then().extract());
    assertThat(farAway.<List<?>>path("items")).isEmpty();
  }

  private static void invalidHeader(ExtractableResponse<Response> response) {
    assertThat(problem(response, 400).<List<String>>path("errors.field")).containsExactly("Idempotency-Key");
  }

  /** Waits until the event's dead letter is listed (among the newest), and answers it as read by id. */
  private static ExtractableResponse<Response> awaitListed(UUID eventId) {
    String[] id = new String[1];
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<Map<String, Object>> items =
                  succeeded(asAdmin().queryParam("size", 200).get(DEAD_LETTERS).then().extract()).path("items");
              items.stream().filter(item -> eventId.toString().equals(item.get("eventId"))).findFirst().ifPresent(item -> id[0] = (String) item.get("id"));
              return id[0] != null;
            });
    return succeeded(asAdmin().get(DEAD_LETTERS + "/{id}", id[0]).then().extract());
  }

  private static RequestSpecification asAdmin() {
    return given().header("Authorization", "Bearer " + TestTokens.admin(ADMIN));
  }

  private static TopicReader deadLetterTopic() {
    return TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS_DEAD_LETTER);
  }
}
