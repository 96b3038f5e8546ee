package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * Assignment rules: a lead an integration sends without an owner goes to the first rule that takes
 * it, which chooses among its team in turn or by load; the rule is in the lead's history.
 */
@QuarkusTest
class AssignmentRulesTest {

  private static final String RULES = "/api/v1/assignment-rules";
  private static final String ADMIN = TestTokens.admin("admin-assignment");
  private static final String INTEGRATION = TestTokens.integration("web-forms");
  private static final String MANAGER = TestTokens.salesManager("manager-assignment");

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static ExtractableResponse<Response> setRules(String json) {
    return as(ADMIN).contentType(ContentType.JSON).body(json).put(RULES).then().extract();
  }

  @AfterEach
  void noRules() {
    succeeded(setRules("{\"rules\": []}"));
  }

  private static String lead(String token, String json) {
    return succeeded(as(token).contentType(ContentType.JSON).body(json).post(BASE).then().extract()).path("id");
  }

  private static String ownerOf(String id) {
    return succeeded(as(MANAGER).get(BASE + "/{id}", id).then().extract()).path("ownerId");
  }

  @Test
  void roundRobinGivesEachOfTheTeamALeadInTurnAndTheHistorySaysWhichRule() {
    String industry = "Robotics " + Leads.marker();
    succeeded(setRules(
        "{\"rules\": [{\"name\": \"Robotics\", \"industries\": [\"" + industry + "\"], \"distribution\": \"round-robin\", \"team\": [\"rr-alice\", \"rr-bob\", \"rr-carol\"]}]}"));

    List<String> owners = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = lead(INTEGRATION, "{\"companyName\": \"Robot " + i + "\", \"industry\": \"" + industry.toLowerCase() + "\"}");
      ids.add(id);
      owners.add(ownerOf(id));
    }

    assertThat(owners).containsExactly("rr-alice", "rr-bob", "rr-carol", "rr-alice");
    ExtractableResponse<Response> history = succeeded(as(MANAGER).get(BASE + "/{id}/history", ids.get(1)).then().extract());
    Map<String, Object> assignedBy = history.path("items.find { it.action == 'created' }.details.assignedBy");
    assertThat(assignedBy).containsEntry("ruleName", "Robotics").containsEntry("distribution", "round-robin").containsEntry("ownerId", "rr-bob");
  }

  @Test
  void leastLoadedGivesTheLeadToWhoeverHasTheFewestOpenLeads() {
    String country = "NZ";
    String busy = "ll-busy-" + Leads.marker();
    String idle = "ll-idle-" + Leads.marker();
    lead(MANAGER, "{\"companyName\": \"" + Leads.marker() + "\", \"ownerId\": \"" + busy + "\"}");
    lead(MANAGER, "{\"companyName\": \"" + Leads.marker() + "\", \"ownerId\": \"" + busy + "\"}");
    lead(MANAGER, "{\"companyName\": \"" + Leads.marker() + "\", \"ownerId\": \"" + idle + "\"}");
    succeeded(setRules(
        "{\"rules\": [{\"name\": \"New Zealand\", \"countries\": [\"" + country + "\"], \"distribution\": \"least-loaded\", \"team\": [\"" + busy + "\", \"" + idle + "\"]}]}"));

    String first = lead(INTEGRATION, "{\"companyName\": \"" + Leads.marker() + "\", \"country\": \"NZ\"}");
    String second = lead(INTEGRATION, "{\"companyName\": \"" + Leads.marker() + "\", \"country\": \"NZ\"}");
    String third = lead(INTEGRATION, "{\"companyName\": \"" + Leads.marker() + "\", \"country\": \"NZ\"}");

    assertThat(List.of(ownerOf(first), ownerOf(second), ownerOf(third))).containsExactly(idle, busy, idle);
  }

  @Test
  void theFirstRuleThatTakesTheLeadWinsAndSizeBoundsAreInclusive() {
    String source = "Seminar";
    String industry = "Shipping " + Leads.marker();
    succeeded(setRules(
        "{\"rules\": ["
            + "{\"name\": \"Big shipping\", \"industries\": [\"" + industry + "\"], \"minEmployees\": 1000, \"distribution\": \"round-robin\", \"team\": [\"big\"]},"
            + "{\"name\": \"Seminars\", \"sources\": [\"" + source + "\"], \"distribution\": \"round-robin\", \"team\": [\"seminars\"]}]}"));

    String large = lead(INTEGRATION, "{\"companyName\": \"A\", \"industry\": \"" + industry + "\", \"numberOfEmployees\": 1000, \"source\": \"Seminar\"}");
    String small = lead(INTEGRATION, "{\"companyName\": \"B\", \"industry\": \"" + industry + "\", \"numberOfEmployees\": 999, \"source\": \"Seminar\"}");
    String unknownSize = lead(INTEGRATION, "{\"companyName\": \"C\", \"industry\": \"" + industry + "\"}");

    assertThat(ownerOf(large)).isEqualTo("big");
    assertThat(ownerOf(small)).isEqualTo("seminars");
    assertThat(ownerOf(unknownSize)).isEqualTo("web-forms");
  }

  @Test
  void aNamedOwnerAndAPersonsOwnLeadAreNotAssigned() {
    succeeded(setRules("{\"rules\": [{\"name\": \"Everything\", \"distribution\": \"round-robin\", \"team\": [\"everyone\"]}]}"));

    String named = lead(INTEGRATION, "{\"companyName\": \"" + Leads.marker() + "\", \"ownerId\": \"chosen\"}");
    String managers = lead(MANAGER, "{\"companyName\": \"" + Leads.marker() + "\"}");
    String sellers = lead(TestTokens.seller("seller-assignment"), "{\"companyName\": \"" + Leads.marker() + "\"}");
    String unnamed = lead(INTEGRATION, "{\"companyName\": \"" + Leads.marker() + "\"}");

    assertThat(List.of(ownerOf(named), ownerOf(managers), ownerOf(sellers), ownerOf(unnamed)))
        .containsExactly("chosen", "manager-assignment", "seller-assignment", "everyone");
  }

  @Test
  void everyoneButAnIntegrationReadsTheRulesInOrder() {
    succeeded(setRules(AssignmentRulesResource.EXAMPLE));

    ExtractableResponse<Response> read = succeeded(as(TestTokens.seller("seller-assignment")).get(RULES).then().extract());
    assertThat(read.<List<String>>path("rules.name")).containsExactly("UK and Ireland trade shows", "Large manufacturers");
    assertThat(read.<List<Integer>>path("rules.position")).containsExactly(0, 1);
    assertThat(read.<List<String>>path("rules[0].sources")).containsExactly("Trade Show");
    assertThat(read.<List<String>>path("rules[0].countries")).containsExactly("GB", "IE");
    assertThat(read.<List<String>>path("rules[1].team")).containsExactly("carol", "dave");
    assertThat(read.<String>path("changedBy")).isEqualTo("admin-assignment");
    problem(as(INTEGRATION).get(RULES).then().extract(), 403);
  }

  @Test
  void onlyAnAdminChangesTheRules() {
    problem(given().noFiltersOfType(DefaultBearerToken.class).get(RULES).then().extract(), 401);
    for (String token : List.of(MANAGER, TestTokens.seller("seller-assignment"), INTEGRATION)) {
      problem(as(token).contentType(ContentType.JSON).body("{\"rules\": []}").put(RULES).then().extract(), 403);
    }
  }

  @Test
  void anInvalidRuleIs400NamingEachMemberAndChangesNothing() {
    succeeded(setRules(AssignmentRulesResource.EXAMPLE));

    ExtractableResponse<Response> refused =
        problem(
            setRules(
                "{\"rules\": [{\"name\": \"Bad\", \"sources\": [\"Carrier Pigeon\"], \"countries\": [\"UK\"], \"minEmployees\": 10,"
                    + " \"maxEmployees\": 5, \"distribution\": \"random\", \"team\": [\"a\", \"a\"]}]}"),
            400);

    assertThat(invalidFields(refused))
        .contains("rules[0].sources", "rules[0].countries", "rules[0].maxEmployees", "rules[0].distribution", "rules[0].team");
    assertThat(invalidFields(problem(setRules("{\"rules\": [{\"name\": \"\", \"distribution\": \"round-robin\", \"team\": []}]}"), 400)))
        .hasSizeGreaterThanOrEqualTo(2)
        .allMatch(field -> field.startsWith("rules"));
    assertThat(succeeded(as(MANAGER).get(RULES).then().extract()).<List<String>>path("rules.name")).hasSize(2);
  }
}
