package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The opportunity events lead-service dead-lettered, as an admin lists and re-drives them (the
 * API is module messaging's, served by both services; opportunity-service's DeadLettersTest covers
 * its filters and answers in full).
 */
@QuarkusTest
class OpportunityEventDeadLettersTest {

  private static final String DEAD_LETTERS = "/api/v1/dead-letters";
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  @SuppressWarnings("unchecked") // the JSON object of headers
  void anOpportunityCreatedWhoseDataIsNotJsonIsDeadLetteredListedAndFailsAgainWhenReDriven() {
    String key = UUID.randomUUID().toString();
    try (TopicReader deadLetterTopic =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.OPPORTUNITY_EVENTS_DEAD_LETTER)) {
      UUID eventId = OpportunityEvents.send(OpportunityEventTypes.CREATED, key, "{not json");

      TopicReader.Event onTopic = deadLetterTopic.await(e -> key.equals(e.key()), 1, PATIENCE).get(0);
      Map<String, Object> listed = awaitListed(eventId);
      assertThat(listed)
          .containsEntry("topic", EventTopics.OPPORTUNITY_EVENTS)
          .containsEntry("key", key)
          .containsEntry("eventType", OpportunityEventTypes.CREATED)
          .containsEntry("payload", "{not json")
          .containsEntry("reason", onTopic.header("dead-letter-reason"))
          .containsEntry("state", "dead-lettered");
      assertThat((Map<String, Object>) listed.get("headers")).containsEntry(CloudEventHeaders.ID, eventId.toString());

      ExtractableResponse<Response> redriven =
          asAdmin().post(DEAD_LETTERS + "/{id}/redrive", listed.get("id")).then().statusCode(200).extract();
      assertThat(redriven.<String>path("state")).isEqualTo("redrive-failed");
      assertThat(redriven.<String>path("lastRedriveFailure")).contains("not readable");
      assertThat(asAdmin().get(DEAD_LETTERS + "/{id}", listed.get("id")).then().statusCode(200).extract().<Integer>path("redriveCount"))
          .isEqualTo(1);
    }
  }

  @Test
  void anUnknownDeadLetterIsAProblem404() {
    asAdmin()
        .post(DEAD_LETTERS + "/{id}/redrive", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(startsWith("application/problem+json"))
        .body("status", equalTo(404));
  }

  private static Map<String, Object> awaitListed(UUID eventId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<Map<String, Object>> items =
                  asAdmin().queryParam("type", OpportunityEventTypes.CREATED).queryParam("size", 200).get(DEAD_LETTERS)
                      .then().statusCode(200).extract().path("items");
              return items.stream().filter(item -> eventId.toString().equals(item.get("eventId"))).findFirst().orElse(null);
            },
            item -> item != null);
  }

  private static RequestSpecification asAdmin() {
    return given().header("Authorization", "Bearer " + TestTokens.admin("admin-ann"));
  }
}
