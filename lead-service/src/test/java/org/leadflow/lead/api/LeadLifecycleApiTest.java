package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.disqualify;
import static org.leadflow.lead.api.Leads.etag;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.leadWithStatus;
import static org.leadflow.lead.api.Leads.markContacted;
import static org.leadflow.lead.api.Leads.perform;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.reactivate;
import static org.leadflow.lead.api.Leads.succeeded;
import static org.leadflow.lead.api.Leads.version;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lead's lifecycle over REST (docs/architecture.md, section The lead), from every state reachable without
 * qualifying: Open/New, Open/Contacted and Disqualified with each reason.
 */
@QuarkusTest
class LeadLifecycleApiTest {

  // --- Allowed transitions ---------------------------------------------------------------------

  @Test
  void markingANewLeadContactedMovesItToOpenContacted() {
    String id = leadWithStatus("New");

    ExtractableResponse<Response> marked = succeeded(markContacted(id));

    assertThat(marked.statusCode()).isEqualTo(200);
    assertThat(marked.<String>path("state")).isEqualTo("Open");
    assertThat(marked.<String>path("statusReason")).isEqualTo("Contacted");
    assertThat(marked.<Integer>path("statusReasonCode")).isEqualTo(2);
    assertThat(marked.header("ETag")).isEqualTo(etag(1));
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Contacted");
  }

  @ParameterizedTest(name = "an Open/{0} lead disqualified as {1} becomes Disqualified/{1} ({2})")
  @CsvSource({
    "New, Lost, 4",
    "New, Cannot Contact, 5",
    "New, No Longer Interested, 6",
    "New, Canceled, 7",
    "Contacted, Lost, 4",
    "Contacted, Cannot Contact, 5",
    "Contacted, No Longer Interested, 6",
    "Contacted, Canceled, 7",
  })
  void anOpenLeadCanBeDisqualifiedForEachReason(String from, String reason, int code) {
    String id = leadWithStatus(from);
    long before = version(id);

    ExtractableResponse<Response> disqualified = succeeded(disqualify(id, reason));

    assertThat(disqualified.statusCode()).isEqualTo(200);
    assertThat(disqualified.<String>path("state")).isEqualTo("Disqualified");
    assertThat(disqualified.<String>path("statusReason")).isEqualTo(reason);
    assertThat(disqualified.<Integer>path("statusReasonCode")).isEqualTo(code);
    assertThat(disqualified.header("ETag")).isEqualTo(etag(before + 1));
    assertThat(get(id).<String>path("state")).isEqualTo("Disqualified");
  }

  @Test
  void disqualifyingKeepsTheNurtureDate() {
    String id = leadWithStatus("New");

    ExtractableResponse<Response> disqualified =
        succeeded(
            disqualify(
                given(),
                id,
                "{\"reason\":\"No Longer Interested\",\"note\":\"Chose a competitor\",\"nurtureUntil\":\"2027-06-30\"}"));

    assertThat(disqualified.<String>path("nurtureUntil")).isEqualTo("2027-06-30");
    assertThat(get(id).<String>path("nurtureUntil")).isEqualTo("2027-06-30");
  }

  @ParameterizedTest(name = "a Disqualified/{0} lead is reactivated as Open/New")
  @ValueSource(strings = {"Lost", "Cannot Contact", "No Longer Interested", "Canceled"})
  void aDisqualifiedLeadIsReactivatedAsOpenNewAndNoLongerNurtured(String reason) {
    String id = Leads.newLead();
    succeeded(disqualify(given(), id, "{\"reason\":\"" + reason + "\",\"nurtureUntil\":\"2027-06-30\"}"));

    ExtractableResponse<Response> reactivated = succeeded(reactivate(id));

    assertThat(reactivated.statusCode()).isEqualTo(200);
    assertThat(reactivated.<String>path("state")).isEqualTo("Open");
    assertThat(reactivated.<String>path("statusReason")).isEqualTo("New");
    assertThat(reactivated.<Integer>path("statusReasonCode")).isEqualTo(1);
    assertThat(reactivated.<String>path("nurtureUntil")).isNull();
    assertThat(reactivated.header("ETag")).isEqualTo(etag(2));
  }

  @Test
  void reactivatingTakesAnOptionalNote() {
    String id = leadWithStatus("Lost");

    ExtractableResponse<Response> reactivated = reactivate(given(), id, "{\"note\":\"Budget approved after all\"}");

    assertThat(succeeded(reactivated).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void reactivatingNeedsNoBody() {
    String id = leadWithStatus("Lost");

    ExtractableResponse<Response> reactivated = given().when().post(Leads.BASE + "/{id}/reactivate", id).then().extract();

    assertThat(succeeded(reactivated).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void reactivatingWithAnEmptyJsonBodyNeedsNoNote() {
    String id = leadWithStatus("Lost");

    ExtractableResponse<Response> reactivated =
        given().contentType(ContentType.JSON).when().post(Leads.BASE + "/{id}/reactivate", id).then().extract();

    assertThat(succeeded(reactivated).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void aReactivatedLeadCanBeContactedAndDisqualifiedAgain() {
    String id = leadWithStatus("Canceled");
    succeeded(reactivate(id));

    assertThat(succeeded(markContacted(id)).<String>path("statusReason")).isEqualTo("Contacted");
    assertThat(succeeded(disqualify(id, "Lost")).<String>path("statusReason")).isEqualTo("Lost");
  }

  @ParameterizedTest(name = "an Open/{0} lead can be edited")
  @ValueSource(strings = {"New", "Contacted"})
  void anOpenLeadCanBeEdited(String status) {
    String id = leadWithStatus(status);

    ExtractableResponse<Response> edited = succeeded(Leads.patch(id, "{\"jobTitle\":\"Buyer\"}"));

    assertThat(edited.<String>path("jobTitle")).isEqualTo("Buyer");
    assertThat(edited.<String>path("statusReason")).isEqualTo(status);
  }

  @ParameterizedTest(name = "an activity can be logged on a {0} lead")
  @ValueSource(strings = {"New", "Contacted", "Lost", "Cannot Contact", "No Longer Interested", "Canceled"})
  void anActivityCanBeLoggedInEveryReachableState(String status) {
    String id = leadWithStatus(status);

    assertThat(Leads.logActivity(id, Leads.NOTE).statusCode()).isEqualTo(201);
    assertThat(get(id).<String>path("statusReason")).isEqualTo(status);
  }

  // --- Refused transitions ---------------------------------------------------------------------

  @ParameterizedTest(name = "{1} on a {0} lead is refused")
  @CsvSource({
    "New, reactivate, Open",
    "Contacted, mark contacted, Open",
    "Contacted, reactivate, Open",
    "Lost, mark contacted, Disqualified",
    "Lost, disqualify, Disqualified",
    "Lost, update, Disqualified",
    "Cannot Contact, mark contacted, Disqualified",
    "Cannot Contact, disqualify, Disqualified",
    "Cannot Contact, update, Disqualified",
    "No Longer Interested, mark contacted, Disqualified",
    "No Longer Interested, disqualify, Disqualified",
    "No Longer Interested, update, Disqualified",
    "Canceled, mark contacted, Disqualified",
    "Canceled, disqualify, Disqualified",
    "Canceled, update, Disqualified",
  })
  void aRefusedTransitionIsA409ProblemNamingStateAndActionAndChangesNothing(
      String status, String action, String state) {
    String id = leadWithStatus(status);
    ExtractableResponse<Response> before = get(id);

    ExtractableResponse<Response> refused = problem(perform(action, given(), id), 409);

    assertThat(refused.<String>path("state")).isEqualTo(state);
    assertThat(refused.<String>path("statusReason")).isEqualTo(status);
    assertThat(refused.<String>path("action")).isEqualTo(action);
    ExtractableResponse<Response> after = get(id);
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
    assertThat(after.<String>path("statusReason")).isEqualTo(status);
    assertThat(after.<String>path("jobTitle")).isEqualTo(before.<String>path("jobTitle"));
  }

  // --- Stale If-Match --------------------------------------------------------------------------

  @ParameterizedTest(name = "{1} on a {0} lead with a stale If-Match is refused")
  @CsvSource({
    "New, update",
    "New, mark contacted",
    "New, disqualify",
    "Contacted, update",
    "Contacted, disqualify",
    "Lost, reactivate",
  })
  void anActionWithAStaleIfMatchIsA412ProblemWithTheCurrentETagAndChangesNothing(String status, String action) {
    String id = leadWithStatus(status);
    if (version(id) == 0) {
      succeeded(Leads.patch(id, "{\"city\":\"Leeds\"}"));
    }
    long current = version(id);

    ExtractableResponse<Response> stale = problem(perform(action, given().header("If-Match", etag(current - 1)), id), 412);

    assertThat(stale.header("ETag")).isEqualTo(etag(current));
    assertThat(version(id)).isEqualTo(current);
    assertThat(get(id).<String>path("statusReason")).isEqualTo(status);
  }

  @ParameterizedTest(name = "{1} on a {0} lead with the current If-Match succeeds")
  @CsvSource({
    "New, update",
    "New, mark contacted",
    "New, disqualify",
    "Contacted, disqualify",
    "Lost, reactivate",
  })
  void anActionWithTheCurrentIfMatchAnswersTheNextETag(String status, String action) {
    String id = leadWithStatus(status);
    String current = get(id).header("ETag");

    ExtractableResponse<Response> done = succeeded(perform(action, given().header("If-Match", current), id));

    long next = version(id);
    assertThat(done.header("ETag")).isEqualTo(etag(next)).isNotEqualTo(current);
    assertThat(done.<Integer>path("version")).isEqualTo((int) next);
  }

  @Test
  void anActionWithAnIfMatchThatIsNotAnETagIsA400Problem() {
    String id = leadWithStatus("New");

    assertThat(invalidFields(markContacted(given().header("If-Match", "v1"), id))).containsExactly("If-Match");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");
  }

  // --- Invalid requests ------------------------------------------------------------------------

  @ParameterizedTest(name = "disqualifying with reason \"{0}\" is rejected")
  @ValueSource(strings = {"New", "Contacted", "Qualified", "Bored", "lost", " "})
  void disqualifyingWithAReasonThatIsNotADisqualificationReasonIsA400Problem(String reason) {
    String id = leadWithStatus("New");

    assertThat(invalidFields(disqualify(id, reason))).containsExactly("reason");
    assertThat(get(id).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void disqualifyingWithoutAReasonIsA400Problem() {
    String id = leadWithStatus("New");

    assertThat(invalidFields(disqualify(given(), id, "{\"note\":\"No reason\"}"))).containsExactly("reason");
    assertThat(get(id).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void disqualifyingWithoutABodyIsA400Problem() {
    String id = leadWithStatus("New");

    problem(given().contentType(ContentType.JSON).when().post(Leads.BASE + "/{id}/disqualify", id).then().extract(), 400);
    assertThat(get(id).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void aDisqualifyNoteLongerThan2000CharactersIsRejected() {
    String id = leadWithStatus("New");

    assertThat(invalidFields(disqualify(given(), id, "{\"reason\":\"Lost\",\"note\":\"" + "n".repeat(2001) + "\"}")))
        .containsExactly("note");
  }

  @Test
  void aNurtureDateThatIsNotADateIsRejected() {
    String id = leadWithStatus("New");

    assertThat(invalidFields(disqualify(given(), id, "{\"reason\":\"Lost\",\"nurtureUntil\":\"next spring\"}")))
        .containsExactly("nurtureUntil");
  }

  @Test
  void anUnknownFieldInAnActionIsA400ProblemNamingIt() {
    String id = leadWithStatus("New");

    assertThat(invalidFields(disqualify(given(), id, "{\"reason\":\"Lost\",\"why\":\"price\"}"))).containsExactly("why");
    String disqualified = leadWithStatus("Lost");
    assertThat(invalidFields(reactivate(given(), disqualified, "{\"reason\":\"x\"}")))
        .containsExactly("reason");
  }

  @Test
  void anActionBodyThatIsNotJsonIs415Problem() {
    String id = leadWithStatus("New");

    problem(given().contentType(ContentType.TEXT).body("reason=Lost").when().post(Leads.BASE + "/{id}/disqualify", id).then().extract(), 415);
  }

  @ParameterizedTest(name = "{0} on an unknown lead is a 404 problem")
  @ValueSource(strings = {"update", "mark contacted", "disqualify", "reactivate", "log activity"})
  void anActionOnAnUnknownLeadIsA404Problem(String action) {
    problem(perform(action, given(), UUID.randomUUID().toString()), 404);
    problem(perform(action, given(), "not-a-uuid"), 404);
  }
}
