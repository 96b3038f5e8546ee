package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.activities;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.leadWithStatus;
import static org.leadflow.lead.api.Leads.logActivity;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.tokens.TestTokens;

/** {@code POST} and {@code GET /leads/{id}/activities}: the lead's outreach timeline. */
@QuarkusTest
class LeadActivitiesTest {

  @Test
  void aLoggedActivityIsAnsweredWithItsAuthorAndLocation() {
    String id = Leads.newLead();

    ExtractableResponse<Response> logged =
        logActivity(
            id,
            """
            {"type":"Meeting","subject":"  Demo  ","description":"Showed the Q3 roll-out","direction":"Inbound",
             "outcome":"Completed","occurredAt":"2026-03-02T10:00:00Z","endedAt":"2026-03-02T11:00:00Z"}
            """);

    assertThat(logged.statusCode()).as(logged.body().asString()).isEqualTo(201);
    String activityId = logged.path("id");
    assertThat(logged.header("Location")).endsWith("/api/v1/leads/" + id + "/activities/" + activityId);
    assertThat(logged.<String>path("leadId")).isEqualTo(id);
    assertThat(logged.<String>path("type")).isEqualTo("Meeting");
    assertThat(logged.<String>path("subject")).isEqualTo("Demo");
    assertThat(logged.<String>path("description")).isEqualTo("Showed the Q3 roll-out");
    assertThat(logged.<String>path("direction")).isEqualTo("Inbound");
    assertThat(logged.<String>path("outcome")).isEqualTo("Completed");
    assertThat(Instant.parse(logged.path("occurredAt"))).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(Instant.parse(logged.path("endedAt"))).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    assertThat(logged.<Map<String, String>>path("author")).containsOnly(Map.entry("id", TestTokens.DEFAULT_CALLER), Map.entry("name", TestTokens.DEFAULT_CALLER_NAME), Map.entry("via", "user"));
    assertThat(logged.<String>path("loggedAt")).isNotNull();
  }

  @Test
  void anActivityWithoutATimeHappenedWhenItWasLogged() {
    String id = Leads.newLead();

    ExtractableResponse<Response> logged = succeeded(logActivity(id, Leads.NOTE));

    assertThat(logged.<String>path("occurredAt")).isEqualTo(logged.<String>path("loggedAt"));
  }

  @Test
  void aTaskMayHaveADueDate() {
    String id = Leads.newLead();

    ExtractableResponse<Response> logged =
        succeeded(logActivity(id, "{\"type\":\"Task\",\"subject\":\"Send pricing\",\"dueAt\":\"2026-04-01T09:00:00Z\"}"));

    assertThat(Instant.parse(logged.path("dueAt"))).isEqualTo(Instant.parse("2026-04-01T09:00:00Z"));
  }

  // --- Effect on the lead's status -----------------------------------------------------------

  @ParameterizedTest(name = "a first completed {0} moves a New lead to Contacted")
  @ValueSource(strings = {"Phone Call", "Email", "Meeting"})
  void theFirstCompletedOutreachMovesANewLeadToContacted(String type) {
    String id = leadWithStatus("New");

    succeeded(logActivity(id, "{\"type\":\"" + type + "\",\"subject\":\"Reached out\",\"outcome\":\"Completed\"}"));

    ExtractableResponse<Response> lead = get(id);
    assertThat(lead.<String>path("state")).isEqualTo("Open");
    assertThat(lead.<String>path("statusReason")).isEqualTo("Contacted");
    assertThat(lead.<Integer>path("statusReasonCode")).isEqualTo(2);
    assertThat(lead.<Integer>path("version")).isEqualTo(1);
    assertThat(lead.header("ETag")).isEqualTo(Leads.etag(1));
  }

  static Stream<Arguments> activitiesThatDoNotReachThePerson() {
    return Stream.of(
        Arguments.of("a note", Leads.NOTE),
        Arguments.of("a completed task", "{\"type\":\"Task\",\"subject\":\"Prepare offer\",\"outcome\":\"Completed\"}"),
        Arguments.of("an unanswered call", "{\"type\":\"Phone Call\",\"subject\":\"Try 1\",\"outcome\":\"No Answer\"}"),
        Arguments.of("a voicemail", "{\"type\":\"Phone Call\",\"subject\":\"Try 2\",\"outcome\":\"Left Voicemail\"}"),
        Arguments.of("a busy line", "{\"type\":\"Phone Call\",\"subject\":\"Try 3\",\"outcome\":\"Busy\"}"),
        Arguments.of("a wrong number", "{\"type\":\"Phone Call\",\"subject\":\"Try 4\",\"outcome\":\"Wrong Number\"}"),
        Arguments.of("a bounced email", "{\"type\":\"Email\",\"subject\":\"Hello\",\"outcome\":\"Bounced\"}"),
        Arguments.of("a scheduled meeting", "{\"type\":\"Meeting\",\"subject\":\"Demo\",\"outcome\":\"Scheduled\"}"),
        Arguments.of("a canceled meeting", "{\"type\":\"Meeting\",\"subject\":\"Demo\",\"outcome\":\"Canceled\"}"),
        Arguments.of("a call without outcome", "{\"type\":\"Phone Call\",\"subject\":\"Chat\"}"));
  }

  @ParameterizedTest(name = "{0} leaves a New lead as it is")
  @MethodSource("activitiesThatDoNotReachThePerson")
  void anActivityThatDidNotReachThePersonLeavesTheLeadUnchanged(String what, String activity) {
    String id = leadWithStatus("New");
    String etag = get(id).header("ETag");

    assertThat(logActivity(id, activity).statusCode()).isEqualTo(201);

    ExtractableResponse<Response> lead = get(id);
    assertThat(lead.<String>path("statusReason")).isEqualTo("New");
    assertThat(lead.header("ETag")).isEqualTo(etag);
  }

  @Test
  void aCompletedCallOnAContactedLeadLeavesTheLeadUnchanged() {
    String id = leadWithStatus("Contacted");
    String etag = get(id).header("ETag");

    succeeded(logActivity(id, Leads.COMPLETED_CALL));

    assertThat(get(id).header("ETag")).isEqualTo(etag);
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Contacted");
  }

  @ParameterizedTest(name = "a completed call on a Disqualified/{0} lead is logged and the lead stays disqualified")
  @ValueSource(strings = {"Lost", "Cannot Contact", "No Longer Interested", "Canceled"})
  void outreachToADisqualifiedLeadIsLoggedWithoutReopeningIt(String reason) {
    String id = leadWithStatus(reason);
    String etag = get(id).header("ETag");

    assertThat(logActivity(id, Leads.COMPLETED_CALL).statusCode()).isEqualTo(201);

    ExtractableResponse<Response> lead = get(id);
    assertThat(lead.<String>path("state")).isEqualTo("Disqualified");
    assertThat(lead.<String>path("statusReason")).isEqualTo(reason);
    assertThat(lead.header("ETag")).isEqualTo(etag);
    assertThat(activities(id, Map.of()).<Integer>path("total")).isEqualTo(1);
  }

  // --- The timeline --------------------------------------------------------------------------

  @Test
  void theTimelineListsActivitiesNewestFirstByWhenTheyHappened() {
    String id = Leads.newLead();
    for (String day : List.of("2026-03-02", "2026-03-04", "2026-03-01", "2026-03-03")) {
      succeeded(logActivity(id, "{\"type\":\"Note\",\"subject\":\"" + day + "\",\"occurredAt\":\"" + day + "T12:00:00Z\"}"));
    }

    ExtractableResponse<Response> timeline = succeeded(activities(id, Map.of()));

    assertThat(timeline.<List<String>>path("items.subject")).containsExactly("2026-03-04", "2026-03-03", "2026-03-02", "2026-03-01");
    assertThat(timeline.<Integer>path("total")).isEqualTo(4);
    assertThat(timeline.<Integer>path("page")).isZero();
    assertThat(timeline.<Integer>path("size")).isEqualTo(50);
  }

  @Test
  void theTimelineIsPaged() {
    String id = Leads.newLead();
    for (String day : List.of("2026-03-01", "2026-03-02", "2026-03-03")) {
      succeeded(logActivity(id, "{\"type\":\"Note\",\"subject\":\"" + day + "\",\"occurredAt\":\"" + day + "T12:00:00Z\"}"));
    }

    ExtractableResponse<Response> second = succeeded(activities(id, Map.of("page", 1, "size", 2)));

    assertThat(second.<List<String>>path("items.subject")).containsExactly("2026-03-01");
    assertThat(second.<Integer>path("total")).isEqualTo(3);
    assertThat(second.<Integer>path("page")).isEqualTo(1);
    assertThat(second.<Integer>path("size")).isEqualTo(2);
  }

  @Test
  void aLeadWithoutActivitiesHasAnEmptyTimeline() {
    ExtractableResponse<Response> timeline = succeeded(activities(Leads.newLead(), Map.of()));

    assertThat(timeline.<List<Object>>path("items")).isEmpty();
    assertThat(timeline.<Integer>path("total")).isZero();
  }

  @Test
  void invalidPagingOfTheTimelineIsA400ProblemNamingTheParameter() {
    String id = Leads.newLead();

    assertThat(invalidFields(activities(id, Map.of("page", -1)))).containsExactly("page");
    assertThat(invalidFields(activities(id, Map.of("size", 0)))).containsExactly("size");
    assertThat(invalidFields(activities(id, Map.of("size", 201)))).containsExactly("size");
  }

  // --- Invalid activities --------------------------------------------------------------------

  static Stream<Arguments> invalidActivities() {
    return Stream.of(
        Arguments.of("type is required", "{\"subject\":\"Call\"}", "type"),
        Arguments.of("type must be a known label", "{\"type\":\"Fax\",\"subject\":\"Call\"}", "type"),
        Arguments.of("subject is required", "{\"type\":\"Note\"}", "subject"),
        Arguments.of("subject is not blank", "{\"type\":\"Note\",\"subject\":\"   \"}", "subject"),
        Arguments.of("subject has at most 200 characters", "{\"type\":\"Note\",\"subject\":\"" + "s".repeat(201) + "\"}", "subject"),
        Arguments.of("description has at most 4000 characters", "{\"type\":\"Note\",\"subject\":\"S\",\"description\":\"" + "d".repeat(4001) + "\"}", "description"),
        Arguments.of("direction must be a known label", "{\"type\":\"Email\",\"subject\":\"S\",\"direction\":\"Sideways\"}", "direction"),
        Arguments.of("direction is for calls, emails and meetings", "{\"type\":\"Note\",\"subject\":\"S\",\"direction\":\"Outbound\"}", "direction"),
        Arguments.of("tasks have no direction", "{\"type\":\"Task\",\"subject\":\"S\",\"direction\":\"Inbound\"}", "direction"),
        Arguments.of("outcome must be a known label", "{\"type\":\"Phone Call\",\"subject\":\"S\",\"outcome\":\"Great\"}", "outcome"),
        Arguments.of("a due date is for tasks", "{\"type\":\"Phone Call\",\"subject\":\"S\",\"dueAt\":\"2026-04-01T09:00:00Z\"}", "dueAt"),
        Arguments.of(
            "it cannot end before it started",
            "{\"type\":\"Meeting\",\"subject\":\"S\",\"occurredAt\":\"2026-03-02T10:00:00Z\",\"endedAt\":\"2026-03-02T09:59:59Z\"}",
            "endedAt"),
        Arguments.of("times are ISO-8601 instants", "{\"type\":\"Note\",\"subject\":\"S\",\"occurredAt\":\"yesterday\"}", "occurredAt"),
        Arguments.of("unknown fields are rejected", "{\"type\":\"Note\",\"subject\":\"S\",\"mood\":\"happy\"}", "mood"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidActivities")
  void anInvalidActivityIsA400ProblemNamingTheFieldAndIsNotLogged(String rule, String activity, String field) {
    String id = Leads.newLead();

    assertThat(invalidFields(logActivity(id, activity))).containsExactly(field);
    assertThat(activities(id, Map.of()).<Integer>path("total")).isZero();
  }

  @Test
  void malformedJsonIsA400Problem() {
    assertThat(problem(logActivity(Leads.newLead(), "{\"type\":"), 400).<String>path("title")).isEqualTo("Malformed request body");
  }

  @Test
  void anActivityThatIsNotJsonIs415Problem() {
    String id = Leads.newLead();

    problem(given().contentType(ContentType.TEXT).body("Note").when().post(Leads.BASE + "/{id}/activities", id).then().extract(), 415);
  }

  @Test
  void theTimelineOfAnUnknownLeadIsA404Problem() {
    String unknown = UUID.randomUUID().toString();

    problem(logActivity(unknown, Leads.NOTE), 404);
    problem(activities(unknown, Map.of()), 404);
    problem(activities("not-a-uuid", Map.of()), 404);
  }
}
