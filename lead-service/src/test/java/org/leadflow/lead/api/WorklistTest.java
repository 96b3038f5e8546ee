package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * GET /api/v1/worklist (docs/agent-and-worklist.md): a seller's Open leads in the order to work them,
 * each with its next best action in plain words, paged; who sees whose.
 */
@QuarkusTest
class WorklistTest {

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static String sellerId() {
    return "seller-wl-" + Leads.marker();
  }

  private static String leadOf(String seller, String json) {
    return succeeded(as(TestTokens.seller(seller)).contentType(ContentType.JSON).body(json).post(Leads.BASE).then().extract()).path("id");
  }

  private static String leadOf(String seller) {
    return leadOf(seller, "{\"companyName\":\"" + Leads.marker() + "\"}");
  }

  private static JsonPath worklist(String seller, String query) {
    return succeeded(as(TestTokens.seller(seller)).get(Agent.WORKLIST + query).then().extract()).jsonPath();
  }

  private static String nextAction(String seller, String id) {
    return worklist(seller, "").getString("items.find { it.leadId == '" + id + "' }.nextAction.text");
  }

  private static void readiness(String id, int readiness) {
    Agent.sql("UPDATE lead SET readiness_score = ? WHERE id = cast(? as uuid)", readiness, id);
  }

  private static void markedReady(String id) {
    Agent.sql(
        "INSERT INTO lead_agent_action (id, lead_id, action, rule_name, reasons, policy_version, status_before, acted_at)"
            + " VALUES (cast(? as uuid), cast(? as uuid), 'MARK_READY', 'Warm', '[]'::jsonb, 1, 'NEW', now())",
        UUID.randomUUID().toString(), id);
  }

  private static String task(String subject, Instant dueAt) {
    return "{\"type\":\"Task\",\"subject\":\"" + subject + "\",\"dueAt\":\"" + dueAt + "\"}";
  }

  @Test
  void leadsComeByScoreThenTheAgentsReadyMarkThenReadinessThenAFollowUpDueTodayThenTheOldestFirst() {
    String seller = sellerId();
    String unscoredOlder = leadOf(seller);
    String unscoredNewer = leadOf(seller);
    String best = leadOf(seller);
    String ready = leadOf(seller);
    String moreReady = leadOf(seller);
    String followUpDue = leadOf(seller);
    String lessReady = leadOf(seller);
    Agent.score(best, 90);
    for (String id : List.of(ready, moreReady, followUpDue, lessReady)) {
      Agent.score(id, 60);
    }
    readiness(moreReady, 90);
    readiness(ready, 40);
    readiness(followUpDue, 40);
    readiness(lessReady, 40);
    readiness(unscoredOlder, 100);
    readiness(unscoredNewer, 100);
    markedReady(ready);
    succeeded(Leads.logActivity(as(TestTokens.seller(seller)), followUpDue, task("Send the proposal", Instant.now())));

    JsonPath page = worklist(seller, "");

    assertThat(page.getList("items.leadId", String.class)).containsExactly(best, ready, moreReady, followUpDue, lessReady, unscoredOlder, unscoredNewer);
    assertThat(page.getLong("total")).isEqualTo(7);
    assertThat(page.getList("items.score", Integer.class)).containsExactly(90, 60, 60, 60, 60, null, null);
    assertThat(page.getString("items[0].scoreGrade")).isEqualTo("A");
    assertThat(page.getBoolean("items[1].readyToQualify")).isTrue();
    assertThat(page.getString("items[1].nextAction.text")).isEqualTo("qualify: the qualification agent found it ready");
    assertThat(page.getString("items[3].nextAction.text")).isEqualTo("follow-up due today: Send the proposal");
    assertThat(page.getString("items[3].nextAction.kind")).isEqualTo("follow-up");

    JsonPath second = worklist(seller, "?page=1&size=3");
    assertThat(second.getList("items.leadId", String.class)).containsExactly(followUpDue, lessReady, unscoredOlder);
    assertThat(second.getLong("total")).isEqualTo(7);
    assertThat(worklist(seller, "?page=5&size=3").getList("items")).isEmpty();
    assertThat(worklist(seller, "?page=5&size=3").getLong("total")).isEqualTo(7);
  }

  @Test
  void eachLeadCarriesItsNextBestActionInPlainWords() {
    String seller = sellerId();
    RequestSpecification alice = as(TestTokens.seller(seller));
    String withPhone = leadOf(seller, "{\"companyName\":\"" + Leads.marker() + "\",\"phone\":\"+44 20 7946 0123\"}");
    String withEmail = leadOf(seller, "{\"companyName\":\"" + Leads.marker() + "\",\"email\":\"a@" + Leads.marker() + ".example\"}");
    String unreachable = leadOf(seller);
    String unanswered = leadOf(seller, "{\"companyName\":\"" + Leads.marker() + "\",\"phone\":\"+44 20 7946 0124\",\"email\":\"b@" + Leads.marker() + ".example\"}");
    String noAnswer = "{\"type\":\"Phone Call\",\"subject\":\"Try\",\"direction\":\"Outbound\",\"outcome\":\"No Answer\"}";
    succeeded(Leads.logActivity(as(TestTokens.seller(seller)), unanswered, noAnswer));
    succeeded(Leads.logActivity(as(TestTokens.seller(seller)), unanswered, noAnswer));
    String talking = leadOf(seller, "{\"companyName\":\"" + Leads.marker() + "\",\"phone\":\"+44 20 7946 0125\"}");
    succeeded(Leads.logActivity(as(TestTokens.seller(seller)), talking, Leads.COMPLETED_CALL));
    String overdue = leadOf(seller);
    succeeded(Leads.logActivity(alice, overdue, task("Call back", Instant.now().minus(3, ChronoUnit.DAYS))));

    assertThat(nextAction(seller, withPhone)).isEqualTo("call: not contacted yet");
    assertThat(nextAction(seller, withEmail)).isEqualTo("email: not contacted yet");
    assertThat(nextAction(seller, unreachable)).isEqualTo("find a phone number or an email address: none on file");
    assertThat(nextAction(seller, unanswered)).isEqualTo("call: no answer twice, try email");
    assertThat(nextAction(seller, talking)).isEqualTo("ask about budget");
    assertThat(nextAction(seller, overdue)).startsWith("follow-up overdue since ").endsWith(": Call back");

    succeeded(Leads.patch(as(TestTokens.seller(seller)), talking, "{\"qualification\":{\"budget\":{\"status\":\"Can Buy\"}}}"));
    assertThat(nextAction(seller, talking)).isEqualTo("ask who decides and how they buy");
  }

  @Test
  void aSellerSeesOnlyTheirOwnOpenLeadsAndASalesManagerSeesAnyOwnersOnAsking() {
    String alice = sellerId();
    String bob = sellerId();
    String open = leadOf(alice);
    String contacted = leadOf(alice);
    succeeded(Leads.markContacted(as(TestTokens.seller(alice)), contacted));
    String lost = leadOf(alice);
    succeeded(Leads.disqualify(as(TestTokens.seller(alice)), lost, "{\"reason\":\"Lost\"}"));
    String bobs = leadOf(bob);

    JsonPath alices = worklist(alice, "");
    assertThat(alices.getList("items.leadId", String.class)).containsExactlyInAnyOrder(open, contacted);
    assertThat(alices.getList("items.ownerId", String.class)).containsOnly(alice);
    assertThat(worklist(alice, "?ownerId=" + alice).getList("items.leadId", String.class)).containsExactlyInAnyOrder(open, contacted);
    assertThat(worklist(bob, "").getList("items.leadId", String.class)).containsExactly(bobs);

    assertThat(problem(as(TestTokens.seller(bob)).get(Agent.WORKLIST + "?ownerId=" + alice).then().extract(), 403).asString()).doesNotContain(open);
    problem(as(TestTokens.admin("admin-ann")).get(Agent.WORKLIST).then().extract(), 403);

    JsonPath managers = succeeded(as(TestTokens.salesManager("manager-maria")).get(Agent.WORKLIST + "?ownerId=" + alice).then().extract()).jsonPath();
    assertThat(managers.getList("items.leadId", String.class)).containsExactlyInAnyOrder(open, contacted);
    assertThat(managers.getLong("total")).isEqualTo(2);
  }

  @Test
  void anInvalidPageIsABadRequestNamingIt() {
    assertThat(Leads.invalidFields(given().get(Agent.WORKLIST + "?size=all").then().extract())).containsExactly("size");
    assertThat(Leads.invalidFields(given().get(Agent.WORKLIST + "?page=-1").then().extract())).containsExactly("page");
  }
}
