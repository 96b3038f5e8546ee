package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * The qualification policy through the API: everyone reads it, admins save new versions (kept for
 * audit), a policy that cannot be evaluated is refused naming its criteria, and a lead's readiness
 * shows each criterion met, unmet or unknown.
 */
@QuarkusTest
class QualificationPolicyApiTest {

  private static final String POLICY = "/api/v1/qualification-policy";
  private static final String ADMIN = TestTokens.admin("admin-ada");
  private static final String SELLER = TestTokens.seller("seller-policy");

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static ExtractableResponse<Response> current() {
    return as(SELLER).get(POLICY).then().extract();
  }

  private static ExtractableResponse<Response> save(String policy, String ifMatch) {
    RequestSpecification request = as(ADMIN).contentType(ContentType.JSON).body(policy);
    if (ifMatch != null) {
      request = request.header("If-Match", ifMatch);
    }
    return request.put(POLICY).then().extract();
  }

  /** Saves {@code policy} over whatever is in force; answers the new version. */
  private static int saved(String policy) {
    return succeeded(save(policy, null)).<Integer>path("version");
  }

  private static final String BUDGET_AND_SEATS =
      "{\"criteria\": ["
          + "{\"key\": \"budget-available\", \"label\": \"Budget available\", \"field\": \"budgetStatus\", \"operator\": \"in\", \"values\": [\"Can Buy\", \"Will Buy\"], \"required\": true},"
          + "{\"key\": \"big-budget\", \"label\": \"Budget of 10,000 EUR\", \"field\": \"budgetAmount\", \"operator\": \"atLeast\", \"values\": [{\"amount\": \"10000.00\", \"currency\": \"EUR\"}], \"required\": false, \"weight\": 40},"
          + "{\"key\": \"seats\", \"label\": \"25 seats or more\", \"field\": \"attributes.seats\", \"operator\": \"atLeast\", \"values\": [25], \"required\": false, \"weight\": 30},"
          + "{\"key\": \"decides\", \"label\": \"Decision maker\", \"field\": \"decisionMaker\", \"operator\": \"equals\", \"values\": [true], \"required\": false, \"weight\": 30}],"
          + " \"idealCustomerProfile\": {\"industries\": [\"Manufacturing\"], \"minEmployees\": 50, \"countries\": [\"GB\"]},"
          + " \"note\": \"Budget first\"}";

  /** The gate reads the policy in force: other tests qualify leads without criteria, as they started. */
  @AfterEach
  void restoreAPolicyWithoutCriteria() {
    succeeded(save(WITHOUT_CRITERIA, null));
  }

  static final String WITHOUT_CRITERIA = "{\"criteria\": [], \"note\": \"Tests run without criteria\"}";

  @Test
  void everyRoleReadsThePolicyInForceWithItsVersionAsETag() {
    for (String token : List.of(SELLER, TestTokens.salesManager("manager-policy"), ADMIN, TestTokens.integration("crm-sync"))) {
      ExtractableResponse<Response> read = as(token).get(POLICY).then().extract();
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.header("ETag")).isEqualTo("\"" + read.path("version") + "\"");
    }
    assertThat(given().noFiltersOfType(DefaultBearerToken.class).get(POLICY).then().extract().statusCode()).isEqualTo(401);
  }

  @Test
  void anAdminSavesANewVersionAndEveryVersionStaysReadableWithWhoChangedItAndWhy() {
    int before = current().path("version");

    ExtractableResponse<Response> saved = save(BUDGET_AND_SEATS, "\"" + before + "\"");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.<Integer>path("version")).isEqualTo(before + 1);
    assertThat(saved.header("ETag")).isEqualTo("\"" + (before + 1) + "\"");
    assertThat(saved.<String>path("changedBy.id")).isEqualTo("admin-ada");
    assertThat(saved.<String>path("changedBy.via")).isEqualTo("user");
    assertThat(saved.<String>path("note")).isEqualTo("Budget first");
    assertThat(saved.<List<String>>path("criteria.key")).containsExactly("budget-available", "big-budget", "seats", "decides");
    assertThat(saved.<Map<String, Object>>path("criteria[1].values[0]")).isEqualTo(Map.of("amount", "10000.00", "currency", "EUR"));
    assertThat(saved.<List<Integer>>path("criteria[2].values")).containsExactly(25);
    assertThat(current().<Integer>path("version")).isEqualTo(before + 1);

    JsonPath versions = succeeded(as(SELLER).get(POLICY + "/versions?size=200").then().extract()).jsonPath();
    assertThat(versions.getList("items.version", Integer.class)).startsWith(before + 1, before).endsWith(1);
    assertThat(versions.getInt("total")).isEqualTo(before + 1);
    JsonPath first = succeeded(as(SELLER).get(POLICY + "/versions/1").then().extract()).jsonPath();
    assertThat(first.getString("changedBy.via")).as("the initial policy is the system's").isEqualTo("system");
    assertThat(as(SELLER).get(POLICY + "/versions/" + before).then().extract().<Integer>path("version")).isEqualTo(before);
  }

  @Test
  void aChangeBasedOnAnOlderVersionIsRefusedWith412AndTheCurrentETag() {
    int inForce = saved(BUDGET_AND_SEATS);

    ExtractableResponse<Response> stale = save(BUDGET_AND_SEATS, "\"" + (inForce - 1) + "\"");

    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.contentType()).startsWith(Leads.PROBLEM);
    assertThat(stale.header("ETag")).isEqualTo("\"" + inForce + "\"");
    assertThat(current().<Integer>path("version")).isEqualTo(inForce);
  }

  @Test
  void aPolicyThatCannotBeEvaluatedIsRefusedNamingEachCriterionAndNothingChanges() {
    int inForce = saved(BUDGET_AND_SEATS);
    String broken =
        "{\"criteria\": ["
            + "{\"key\": \"salary\", \"label\": \"Salary\", \"field\": \"salary\", \"operator\": \"equals\", \"values\": [1], \"required\": true},"
            + "{\"key\": \"budget-order\", \"label\": \"Budget order\", \"field\": \"budgetStatus\", \"operator\": \"atLeast\", \"values\": [\"Can Buy\"], \"required\": true},"
            + "{\"key\": \"employees\", \"label\": \"Employees\", \"field\": \"numberOfEmployees\", \"operator\": \"between\", \"values\": [\"ten\", 20], \"required\": false, \"weight\": 10},"
            + "{\"key\": \"decides\", \"label\": \"Decides\", \"field\": \"decisionMaker\", \"operator\": \"likes\", \"values\": [true], \"required\": false, \"weight\": 10}]}";

    ExtractableResponse<Response> refused = save(broken, null);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith(Leads.PROBLEM);
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("criteria[0].field", "criteria[3].operator", "criteria[1].operator", "criteria[2].values[0]");
    assertThat(refused.<List<String>>path("errors.message")).allMatch(message -> message.startsWith("criterion "));
    assertThat(refused.<String>path("errors[0].message")).contains("criterion salary:");
    assertThat(current().<Integer>path("version")).isEqualTo(inForce);

    ExtractableResponse<Response> wrongOperator = save(broken.replace("salary\", \"operator", "industry\", \"operator").replace("\"ten\"", "10").replace("likes", "equals"), null);
    assertThat(wrongOperator.statusCode()).isEqualTo(400);
    assertThat(wrongOperator.<List<String>>path("errors.field")).containsExactly("criteria[0].values[0]", "criteria[1].operator");
    assertThat(wrongOperator.<String>path("errors[1].message"))
        .isEqualTo("criterion budget-order: atLeast cannot compare budgetStatus (choice); use one of equals, in, notIn, present, absent");
    assertThat(current().<Integer>path("version")).isEqualTo(inForce);
  }

  @Test
  void anIfMatchThatIsNoVersionETagIsABadRequestAndChangesNothing() {
    int inForce = current().path("version");

    ExtractableResponse<Response> refused = save(BUDGET_AND_SEATS, "\"latest\"");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("If-Match");
    assertThat(refused.<String>path("errors[0].message")).isEqualTo("must be an ETag of this record, such as \"3\"");
    assertThat(current().<Integer>path("version")).isEqualTo(inForce);
  }

  @Test
  void onlyAdminsChangeThePolicy() {
    for (String token : List.of(SELLER, TestTokens.salesManager("manager-policy"), TestTokens.integration("crm-sync"))) {
      assertThat(as(token).contentType(ContentType.JSON).body(BUDGET_AND_SEATS).put(POLICY).then().extract().statusCode()).isEqualTo(403);
    }
  }

  @Test
  void unknownVersionsAreNotFoundAndVersionsMustBePositiveWholeNumbers() {
    as(SELLER).get(POLICY + "/versions/999999").then().statusCode(404).contentType(Leads.PROBLEM);
    as(SELLER).get(POLICY + "/versions/0").then().statusCode(400).body("errors[0].field", equalTo("version"));
    as(SELLER).get(POLICY + "/versions/two").then().statusCode(400).contentType(Leads.PROBLEM);
  }

  @Test
  void theFieldsCatalogueSaysWhatEachFieldComparesWith() {
    JsonPath fields = succeeded(as(SELLER).get(POLICY + "/fields").then().extract()).jsonPath();

    assertThat(fields.getString("attributePrefix")).isEqualTo("attributes.");
    assertThat(fields.getString("fields.find { it.field == 'budgetStatus' }.type")).isEqualTo("choice");
    assertThat(fields.getList("fields.find { it.field == 'budgetStatus' }.choices", String.class)).containsExactly("No Committed Budget", "May Buy", "Can Buy", "Will Buy");
    assertThat(fields.getList("fields.find { it.field == 'numberOfEmployees' }.operators", String.class)).contains("atLeast", "between");
    assertThat(fields.getList("fields.find { it.field == 'budgetAmount' }.operators", String.class)).doesNotContain("equals", "in");
  }

  @Test
  void readinessShowsEachCriterionMetUnmetOrUnknownWithTheValueSeenAndWhatToFindOutNext() {
    int version = saved(BUDGET_AND_SEATS);
    String ready =
        succeeded(
                as(SELLER)
                    .contentType(ContentType.JSON)
                    .body(
                        "{\"companyName\": \"" + Leads.marker() + "\", \"industry\": \"manufacturing\", \"numberOfEmployees\": 400, \"country\": \"GB\","
                            + " \"attributes\": {\"seats\": 40},"
                            + " \"qualification\": {\"budget\": {\"status\": \"Can Buy\", \"amount\": {\"amount\": \"5000.00\", \"currency\": \"EUR\"}}}}")
                    .post(BASE)
                    .then()
                    .extract())
            .path("id");

    JsonPath readiness = succeeded(as(SELLER).get(BASE + "/{id}/readiness", ready).then().extract()).jsonPath();

    assertThat(readiness.getInt("policyVersion")).isEqualTo(version);
    assertThat(readiness.getList("criteria.status", String.class)).containsExactly("met", "unmet", "met", "unknown");
    assertThat(readiness.getInt("readiness")).isEqualTo(30);
    assertThat(readiness.getBoolean("requiredMet")).isTrue();
    assertThat(readiness.getList("unmetRequired")).isEmpty();
    assertThat(readiness.getString("criteria[0].value")).isEqualTo("Can Buy");
    assertThat(readiness.getMap("criteria[1].value")).isEqualTo(Map.of("amount", "5000.00", "currency", "EUR"));
    assertThat(readiness.getString("criteria[1].explanation")).isEqualTo("Budget amount is 5000.00 EUR, but must be at least 10000.00 EUR");
    assertThat(readiness.getInt("criteria[2].value")).isEqualTo(40);
    assertThat(readiness.getString("criteria[3].value")).isNull();
    assertThat(readiness.getList("nextSteps", String.class)).containsExactly("Decision maker unknown");
    assertThat(readiness.getString("fit.verdict")).isEqualTo("Good fit");
    assertThat(readiness.getList("fit.dimensions.field", String.class)).containsExactly("industry", "numberOfEmployees", "country");

    String unknown = Leads.newLead();
    JsonPath nothingKnown = succeeded(given().get(BASE + "/{id}/readiness", unknown).then().extract()).jsonPath();
    assertThat(nothingKnown.getBoolean("requiredMet")).isFalse();
    assertThat(nothingKnown.getList("unmetRequired", String.class)).containsExactly("budget-available");
    assertThat(nothingKnown.getList("nextSteps", String.class)).startsWith("Budget status unknown").contains("Industry unknown");
  }

  @Test
  void anotherSellersLeadHasNoReadinessForThem() {
    String leadOfAnother =
        succeeded(as(TestTokens.seller("seller-other")).contentType(ContentType.JSON).body("{\"companyName\": \"" + Leads.marker() + "\"}").post(BASE).then().extract())
            .path("id");

    as(SELLER).get(BASE + "/{id}/readiness", leadOfAnother).then().statusCode(404).contentType(Leads.PROBLEM);
    as(ADMIN).get(BASE + "/{id}/readiness", leadOfAnother).then().statusCode(403);
    as(TestTokens.salesManager("manager-policy")).get(BASE + "/{id}/readiness", leadOfAnother).then().statusCode(200);
  }

  @Test
  void eachSavedVersionIsPublishedWholeOnLeadEventsKeyedByThePolicy() throws Exception {
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      int version = saved(BUDGET_AND_SEATS);

      TopicReader.Event event =
          events
              .await(
                  e -> "leadflow.lead.qualification-policy-changed.v1".equals(e.header(CloudEventHeaders.TYPE)) && new JsonPath(e.value()).getInt("version") == version,
                  1,
                  Duration.ofSeconds(20))
              .get(0);
      EventContract.assertValid(event);
      assertThat(event.key()).isEqualTo(LeadEventTypes.QUALIFICATION_POLICY_ID.toString());
      JsonPath data = new JsonPath(event.value());
      assertThat(data.getInt("previousVersion")).isEqualTo(version - 1);
      assertThat(data.getString("changedBy")).isEqualTo("admin-ada");
      assertThat(data.getList("criteria.key", String.class)).containsExactly("budget-available", "big-budget", "seats", "decides");
      assertThat(data.getMap("criteria[1].values[0]")).isEqualTo(Map.of("amount", "10000.00", "currency", "EUR"));
      assertThat(data.getInt("criteria[2].values[0]")).isEqualTo(25);
      assertThat(data.getList("idealCustomerProfile.industries", String.class)).containsExactly("Manufacturing");
    }
  }
}
