package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.leadflow.lead.api.Leads.create;
import static org.leadflow.lead.api.Leads.disqualify;
import static org.leadflow.lead.api.Leads.history;
import static org.leadflow.lead.api.Leads.logActivity;
import static org.leadflow.lead.api.Leads.markContacted;
import static org.leadflow.lead.api.Leads.marker;
import static org.leadflow.lead.api.Leads.patch;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.reactivate;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/** {@code GET /leads/{id}/history}: every change of a lead, who made it, when, old and new values. */
@QuarkusTest
class LeadHistoryTest {

  @Test
  void creatingALeadRecordsEveryInitialValueWithoutAnOldOne() {
    String company = marker();
    String id =
        succeeded(
                create(
                    """
                    {"firstName":"Ada","lastName":"Lovelace","companyName":"%s","email":"ADA@example.org",
                     "source":"Web","numberOfEmployees":12,"annualRevenue":{"amount":"100","currency":"GBP"},
                     "attributes":{"newsletter":true},"qualification":{"budget":{"status":"Can Buy"}}}
                    """
                        .formatted(company)))
            .path("id");

    JsonPath entries = succeeded(history(id)).jsonPath();

    assertThat(entries.getInt("total")).isEqualTo(1);
    assertThat(entries.getString("items[0].action")).isEqualTo("created");
    assertThat(entries.getString("items[0].actor.id")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(entries.getString("items[0].actor.via")).isEqualTo("user");
    assertThat(Instant.parse(entries.getString("items[0].occurredAt"))).isEqualTo(Instant.parse(Leads.get(id).path("createdAt")));
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactlyInAnyOrder(
            tuple("firstName", null, "Ada"),
            tuple("lastName", null, "Lovelace"),
            tuple("companyName", null, company),
            tuple("email", null, "ada@example.org"),
            tuple("source", null, "Web"),
            tuple("numberOfEmployees", null, 12),
            tuple("annualRevenue", null, Map.of("amount", "100.00", "currency", "GBP")),
            // Owned by whoever captured it: no ownerId in the request.
            tuple("ownerId", null, TestTokens.DEFAULT_CALLER),
            tuple("attributes", null, Map.of("newsletter", true)),
            tuple("qualification.budget.status", null, "Can Buy"));
  }

  @Test
  void anEditRecordsOnlyTheFieldsThatChangedWithOldAndNewValues() {
    String id =
        succeeded(create("{\"companyName\":\"" + marker() + "\",\"jobTitle\":\"Engineer\",\"city\":\"Leeds\","
            + "\"qualification\":{\"budget\":{\"status\":\"May Buy\"}}}")).path("id");

    succeeded(patch(id, "{\"jobTitle\":\"CTO\",\"city\":\"Leeds\",\"qualification\":{\"budget\":{\"status\":\"Can Buy\"}}}"));

    JsonPath entries = succeeded(history(id)).jsonPath();
    assertThat(entries.getList("items.action")).containsExactly("updated", "created");
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactlyInAnyOrder(
            tuple("jobTitle", "Engineer", "CTO"),
            tuple("qualification.budget.status", "May Buy", "Can Buy"));
  }

  @Test
  void removingAValueRecordsItsOldValueAndNoNewOne() {
    String id = succeeded(create("{\"companyName\":\"" + marker() + "\",\"city\":\"Leeds\"}")).path("id");

    succeeded(patch(id, "{\"city\":null}"));

    assertThat(succeeded(history(id)).jsonPath().getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactly(tuple("city", "Leeds", null));
  }

  @Test
  void markingContactedRecordsTheStatusReasonAndItsCode() {
    String id = Leads.newLead();

    succeeded(markContacted(id));

    JsonPath entries = succeeded(history(id)).jsonPath();
    assertThat(entries.getList("items.action")).containsExactly("marked-contacted", "created");
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactly(tuple("statusReason", "New", "Contacted"), tuple("statusReasonCode", 1, 2));
    assertThat(entries.getString("items[0].actor.id")).isEqualTo(TestTokens.DEFAULT_CALLER);
  }

  @Test
  void loggingAnActivityRecordsWhichActivityWithoutFieldChanges() {
    String id = Leads.newLead();
    String activityId =
        succeeded(logActivity(id, "{\"type\":\"Phone Call\",\"subject\":\"Try 1\",\"outcome\":\"No Answer\"}")).path("id");

    JsonPath entries = succeeded(history(id)).jsonPath();

    assertThat(entries.getList("items.action")).containsExactly("activity-logged", "created");
    assertThat(entries.getList("items[0].changes")).isEmpty();
    assertThat(entries.getMap("items[0].details"))
        .containsEntry("activityId", activityId)
        .containsEntry("type", "Phone Call")
        .containsEntry("subject", "Try 1")
        .containsEntry("outcome", "No Answer");
  }

  @Test
  void theFirstCompletedOutreachRecordsTheActivityAndThenTheContactNewestFirst() {
    String id = Leads.newLead();
    succeeded(logActivity(id, Leads.COMPLETED_CALL));

    JsonPath entries = succeeded(history(id)).jsonPath();

    assertThat(entries.getList("items.action")).containsExactly("contacted-by-outreach", "activity-logged", "created");
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactly(tuple("statusReason", "New", "Contacted"), tuple("statusReasonCode", 1, 2));
    assertThat(entries.getString("items[0].details.note")).contains("Phone Call");
    assertThat(entries.getString("items[1].details.outcome")).isEqualTo("Completed");
  }

  @Test
  void disqualifyingRecordsTheStateReasonNurtureDateAndNote() {
    String id = Leads.newLead();

    succeeded(
        disqualify(
            given(),
            id,
            "{\"reason\":\"No Longer Interested\",\"note\":\"Chose a competitor\",\"nurtureUntil\":\"2027-06-30\"}"));

    JsonPath entries = succeeded(history(id)).jsonPath();
    assertThat(entries.getList("items.action")).containsExactly("disqualified", "created");
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactlyInAnyOrder(
            tuple("state", "Open", "Disqualified"),
            tuple("statusReason", "New", "No Longer Interested"),
            tuple("statusReasonCode", 1, 6),
            tuple("nurtureUntil", null, "2027-06-30"));
    assertThat(entries.getString("items[0].details.note")).isEqualTo("Chose a competitor");
  }

  @Test
  void reactivatingRecordsTheReopeningAndItsNote() {
    String id = Leads.newLead();
    succeeded(disqualify(id, "Lost"));

    succeeded(reactivate(given(), id, "{\"note\":\"Budget approved\"}"));

    JsonPath entries = succeeded(history(id)).jsonPath();
    assertThat(entries.getList("items.action")).containsExactly("reactivated", "disqualified", "created");
    assertThat(entries.getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .containsExactlyInAnyOrder(
            tuple("state", "Disqualified", "Open"),
            tuple("statusReason", "Lost", "New"),
            tuple("statusReasonCode", 4, 1));
    assertThat(entries.getString("items[0].details.note")).isEqualTo("Budget approved");
  }

  @Test
  void reactivatingANurturedLeadRecordsThatTheNurtureDateWasCleared() {
    String id = Leads.newLead();
    succeeded(disqualify(given(), id, "{\"reason\":\"Lost\",\"nurtureUntil\":\"2027-06-30\"}"));

    succeeded(reactivate(id));

    assertThat(succeeded(history(id)).jsonPath().getList("items[0].changes", Map.class))
        .extracting(change -> change.get("field"), change -> change.get("oldValue"), change -> change.get("newValue"))
        .contains(tuple("nurtureUntil", "2027-06-30", null));
  }

  @Test
  void theHistoryIsNewestFirstAndPaged() {
    String id = Leads.newLead();
    succeeded(patch(id, "{\"city\":\"Leeds\"}"));
    succeeded(markContacted(id));
    succeeded(disqualify(id, "Canceled"));
    succeeded(reactivate(id));

    JsonPath all = succeeded(history(id)).jsonPath();
    assertThat(all.getList("items.action")).containsExactly("reactivated", "disqualified", "marked-contacted", "updated", "created");
    List<Instant> times = all.getList("items.occurredAt", String.class).stream().map(Instant::parse).toList();
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));

    ExtractableResponse<Response> second =
        succeeded(given().queryParams(Map.of("page", 1, "size", 2)).when().get(Leads.BASE + "/{id}/history", id).then().extract());
    assertThat(second.<List<String>>path("items.action")).containsExactly("marked-contacted", "updated");
    assertThat(second.<Integer>path("total")).isEqualTo(5);
    assertThat(second.<Integer>path("page")).isEqualTo(1);
    assertThat(second.<Integer>path("size")).isEqualTo(2);
  }

  @Test
  void refusedAndInvalidRequestsLeaveNoHistory() {
    String id = Leads.newLead();
    problem(Leads.reactivate(id), 409);
    problem(patch(id, "{\"email\":\"nope\"}"), 400);
    problem(patch(given().header("If-Match", Leads.etag(7)), id, "{\"city\":\"York\"}"), 412);

    assertThat(succeeded(history(id)).jsonPath().getList("items.action")).containsExactly("created");
  }

  @Test
  void theHistoryOfAnUnknownLeadIsA404Problem() {
    problem(history(UUID.randomUUID().toString()), 404);
    problem(history("not-a-uuid"), 404);
  }
}
