package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The qualification policy's gate on qualify: a lead that does not meet every required criterion is
 * refused with 422 naming them, also in a dry run; a sales manager may override with a justification,
 * which the history and the LeadQualified event keep with the policy version; a seller may not.
 */
@QuarkusTest
class QualificationGateTest {

  private static final String POLICY = "/api/v1/qualification-policy";
  private static final String ADMIN = TestTokens.admin("admin-gate");
  private static final String SELLER_ID = "seller-gate";
  private static final String SELLER = TestTokens.seller(SELLER_ID);
  private static final String MANAGER = TestTokens.salesManager("manager-gate");

  private static final String NEED_AND_BUDGET =
      "{\"criteria\": ["
          + "{\"key\": \"need-confirmed\", \"label\": \"Need confirmed\", \"field\": \"need\", \"operator\": \"in\", \"values\": [\"Must Have\", \"Should Have\"], \"required\": true},"
          + "{\"key\": \"budget-available\", \"label\": \"Budget available\", \"field\": \"budgetStatus\", \"operator\": \"in\", \"values\": [\"Can Buy\", \"Will Buy\"], \"required\": true},"
          + "{\"key\": \"decides\", \"label\": \"Decision maker\", \"field\": \"decisionMaker\", \"operator\": \"equals\", \"values\": [true], \"required\": false, \"weight\": 50},"
          + "{\"key\": \"soon\", \"label\": \"Buys soon\", \"field\": \"purchaseTimeframe\", \"operator\": \"in\", \"values\": [\"Immediate\", \"This Quarter\"], \"required\": false, \"weight\": 50}]}";

  private int policyVersion;

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  @BeforeEach
  void needAndBudgetAreRequired() {
    policyVersion = succeeded(as(ADMIN).contentType(ContentType.JSON).body(NEED_AND_BUDGET).put(POLICY).then().extract()).path("version");
  }

  @AfterEach
  void restoreAPolicyWithoutCriteria() {
    succeeded(as(ADMIN).contentType(ContentType.JSON).body(QualificationPolicyApiTest.WITHOUT_CRITERIA).put(POLICY).then().extract());
  }

  private static String leadOfSeller(String qualification) {
    String body = "{\"companyName\": \"" + Leads.marker() + "\"" + (qualification == null ? "" : ", \"qualification\": " + qualification) + "}";
    return succeeded(as(SELLER).contentType(ContentType.JSON).body(body).post(BASE).then().extract()).path("id");
  }

  private static ExtractableResponse<Response> qualify(String token, String id, String body) {
    return as(token).contentType(ContentType.JSON).body(body).post(BASE + "/{id}/qualify", id).then().extract();
  }

  @Test
  void aLeadThatMeetsEveryRequiredCriterionIsQualified() {
    String ready = leadOfSeller("{\"need\": {\"level\": \"Must Have\"}, \"budget\": {\"status\": \"Can Buy\"}, \"authority\": {\"decisionMaker\": true}}");

    ExtractableResponse<Response> qualified = qualify(SELLER, ready, "{}");

    assertThat(qualified.statusCode()).as(qualified.asString()).isEqualTo(200);
    JsonPath history = succeeded(as(SELLER).get(BASE + "/{id}/history", ready).then().extract()).jsonPath();
    assertThat(history.getInt("items.find { it.action == 'conversion-requested' }.details.qualificationPolicy.version")).isEqualTo(policyVersion);
    assertThat(history.getInt("items.find { it.action == 'conversion-requested' }.details.qualificationPolicy.readiness")).isEqualTo(50);
    assertThat(history.getMap("items.find { it.action == 'conversion-requested' }.details.qualificationPolicy")).doesNotContainKey("override");
  }

  @Test
  void aLeadThatDoesNotIsRefusedWith422NamingEachUnmetRequiredCriterionAndNothingChanges() {
    String notReady = leadOfSeller("{\"need\": {\"level\": \"Good to Have\"}}");
    long version = Leads.version(notReady);

    for (String body : List.of("{}", "{\"dryRun\": true}")) {
      ExtractableResponse<Response> refused = qualify(SELLER, notReady, body);

      assertThat(refused.statusCode()).as(body).isEqualTo(422);
      assertThat(refused.contentType()).startsWith(Leads.PROBLEM);
      assertThat(refused.<String>path("type")).endsWith("/qualification-criteria-unmet");
      assertThat(refused.<String>path("detail")).contains("version " + policyVersion);
      assertThat(refused.<List<String>>path("errors.field")).containsExactly("need-confirmed", "budget-available");
      assertThat(refused.<String>path("errors[0].message")).isEqualTo("Need confirmed: Need is Good to Have, but must be one of Must Have, Should Have");
      assertThat(refused.<String>path("errors[1].message")).isEqualTo("Budget available: Budget status is not known yet");
    }
    assertThat(Leads.version(notReady)).isEqualTo(version);
    assertThat(succeeded(Leads.get(notReady)).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void aSalesManagerOverridesWithAJustificationKeptInTheHistoryAndTheEvent() throws Exception {
    String notReady = leadOfSeller(null);
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      ExtractableResponse<Response> qualified =
          qualify(MANAGER, notReady, "{\"policyOverride\": {\"justification\": \"Budget signed off verbally by the CFO\"}}");

      assertThat(qualified.statusCode()).as(qualified.asString()).isEqualTo(200);
      TopicReader.Event event =
          events.await(e -> notReady.equals(e.key()) && "leadflow.lead.qualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(event);
      JsonPath data = new JsonPath(event.value());
      assertThat(data.getInt("qualificationPolicy.version")).isEqualTo(policyVersion);
      assertThat(data.getInt("qualificationPolicy.readiness")).isZero();
      assertThat(data.getString("qualificationPolicy.override.by")).isEqualTo("manager-gate");
      assertThat(data.getString("qualificationPolicy.override.justification")).isEqualTo("Budget signed off verbally by the CFO");
      assertThat(data.getList("qualificationPolicy.override.criteria", String.class)).containsExactly("need-confirmed", "budget-available");
    }
    JsonPath history = succeeded(as(MANAGER).get(BASE + "/{id}/history", notReady).then().extract()).jsonPath();
    String override = "items.find { it.action == 'conversion-requested' }.details.qualificationPolicy.override";
    assertThat(history.getString(override + ".by")).isEqualTo("manager-gate");
    assertThat(history.getList(override + ".criteria", String.class)).containsExactly("need-confirmed", "budget-available");
  }

  @Test
  void aSellerMayNotOverrideAndAnEmptyJustificationIsNoJustification() {
    String notReady = leadOfSeller(null);

    ExtractableResponse<Response> forbidden = qualify(SELLER, notReady, "{\"policyOverride\": {\"justification\": \"I am sure\"}}");
    ExtractableResponse<Response> empty = qualify(MANAGER, notReady, "{\"policyOverride\": {\"justification\": \" \"}}");

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.<String>path("type")).endsWith("/override-not-allowed");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.<List<String>>path("errors.field")).containsExactly("policyOverride.justification");
    assertThat(succeeded(Leads.get(notReady)).<String>path("state")).isEqualTo("Open");
  }

  @Test
  void theLifecycleIsCheckedBeforeThePolicy() {
    String disqualified = leadOfSeller(null);
    succeeded(Leads.disqualify(as(SELLER), disqualified, "{\"reason\": \"Lost\"}"));

    assertThat(qualify(SELLER, disqualified, "{}").statusCode()).isEqualTo(409);
  }
}
