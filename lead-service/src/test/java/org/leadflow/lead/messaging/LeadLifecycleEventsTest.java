package org.leadflow.lead.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/** What reaches lead-events, in order, as one lead goes through its life. */
@QuarkusTest
class LeadLifecycleEventsTest {

  @Inject ObjectMapper json;

  @Test
  void eachKindOfChangePublishesItsEventKeyedByLeadInTheOrderTheChangesHappened() throws Exception {
    try (TopicReader reader =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id =
          given().contentType(ContentType.JSON)
              .body("{\"lastName\":\"Noether\",\"companyName\":\"Invariant GmbH\",\"country\":\"DE\",\"jobTitle\":\"Analyst\"}")
              .post("/api/v1/leads").then().statusCode(201).extract().path("id");
      given().contentType("application/merge-patch+json").body("{\"jobTitle\":\"Head of Research\"}")
          .patch("/api/v1/leads/{id}", id).then().statusCode(200);
      given().contentType(ContentType.JSON)
          .body("{\"type\":\"Phone Call\",\"subject\":\"Intro call\",\"direction\":\"Outbound\",\"outcome\":\"Completed\"}")
          .post("/api/v1/leads/{id}/activities", id).then().statusCode(201);
      given().contentType(ContentType.JSON)
          .body("{\"reason\":\"No Longer Interested\",\"note\":\"Chose a competitor\",\"nurtureUntil\":\"2027-06-30\"}")
          .post("/api/v1/leads/{id}/disqualify", id).then().statusCode(200);
      given().contentType(ContentType.JSON).body("{\"note\":\"Budget approved\"}")
          .post("/api/v1/leads/{id}/reactivate", id).then().statusCode(200);
      given().post("/api/v1/leads/{id}/mark-contacted", id).then().statusCode(200);

      // Enrichment's and scoring's own events (docs/enrichment.md, docs/scoring.md) come in between, each after the change it follows.
      List<TopicReader.Event> events =
          reader.await(e -> id.equals(e.key()) && !LeadEventTypes.ENRICHED.equals(e.header(CloudEventHeaders.TYPE)) && !LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)), 7, Duration.ofSeconds(20));

      assertThat(events)
          .extracting(e -> e.header(CloudEventHeaders.TYPE))
          .containsExactly(
              "leadflow.lead.created.v1",
              "leadflow.lead.updated.v1",
              "leadflow.lead.activity-logged.v1",
              "leadflow.lead.updated.v1",
              "leadflow.lead.disqualified.v1",
              "leadflow.lead.reactivated.v1",
              "leadflow.lead.updated.v1");
      assertThat(events).extracting(TopicReader.Event::partition).containsOnly(events.get(0).partition());
      assertThat(events).extracting(e -> e.header(CloudEventHeaders.SUBJECT)).containsOnly(id);
      assertThat(events).extracting(e -> e.header(CloudEventHeaders.ID)).doesNotHaveDuplicates();
      events.forEach(EventContract::assertValid);

      JsonNode created = data(events.get(0));
      assertThat(created.get("lastName").asText()).isEqualTo("Noether");
      assertThat(created.get("createdBy").asText()).isEqualTo(TestTokens.DEFAULT_CALLER);

      JsonNode edited = data(events.get(1));
      assertThat(edited.get("changes")).hasSize(1);
      assertThat(edited.at("/changes/0/field").asText()).isEqualTo("jobTitle");
      assertThat(edited.at("/changes/0/oldValue").asText()).isEqualTo("Analyst");
      assertThat(edited.at("/changes/0/newValue").asText()).isEqualTo("Head of Research");

      JsonNode activity = data(events.get(2));
      assertThat(activity.get("type").asText()).isEqualTo("Phone Call");
      assertThat(activity.get("outcome").asText()).isEqualTo("Completed");
      assertThat(activity.get("activityId").asText()).hasSize(36);

      JsonNode contacted = data(events.get(3));
      assertThat(contacted.get("statusReason").asText()).isEqualTo("Contacted");
      assertThat(contacted.at("/changes/0/field").asText()).isEqualTo("statusReason");
      assertThat(contacted.at("/changes/0/oldValue").asText()).isEqualTo("New");

      JsonNode disqualified = data(events.get(4));
      assertThat(disqualified.get("statusReason").asText()).isEqualTo("No Longer Interested");
      assertThat(disqualified.get("statusReasonCode").asInt()).isEqualTo(6);
      assertThat(disqualified.get("previousStatusReason").asText()).isEqualTo("Contacted");
      assertThat(disqualified.get("note").asText()).isEqualTo("Chose a competitor");
      assertThat(disqualified.get("nurtureUntil").asText()).isEqualTo("2027-06-30");

      JsonNode reactivated = data(events.get(5));
      assertThat(reactivated.get("previousStatusReason").asText()).isEqualTo("No Longer Interested");
      assertThat(reactivated.get("statusReason").asText()).isEqualTo("New");
      assertThat(reactivated.get("note").asText()).isEqualTo("Budget approved");

      JsonNode markedContacted = data(events.get(6));
      assertThat(markedContacted.get("statusReasonCode").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aRejectedActionPublishesNothing() {
    try (TopicReader reader =
        TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id =
          given().contentType(ContentType.JSON).body("{\"companyName\":\"Quiet Ltd\"}")
              .post("/api/v1/leads").then().statusCode(201).extract().path("id");
      given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/reactivate", id).then().statusCode(409);
      // The marker event comes after anything the refused action could have written.
      given().post("/api/v1/leads/{id}/mark-contacted", id).then().statusCode(200);

      // Scoring's own events (docs/scoring.md) follow the lead's, and are not its actions.
      List<TopicReader.Event> events =
          reader.await(e -> id.equals(e.key()) && !LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(20));
      assertThat(events)
          .extracting(e -> e.header(CloudEventHeaders.TYPE))
          .containsExactly("leadflow.lead.created.v1", "leadflow.lead.updated.v1");
    }
  }

  private JsonNode data(TopicReader.Event event) throws Exception {
    return json.readTree(event.value());
  }
}
