package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Leads listed, filtered and sorted by their readiness: the measure kept on each lead when it is
 * created or edited, and again in the background after the policy changes.
 */
@QuarkusTest
class LeadReadinessListTest {

  private static final String POLICY = "/api/v1/qualification-policy";
  private static final String ADMIN = TestTokens.admin("admin-readiness-list");
  private static final String SELLER = TestTokens.seller("seller-readiness-list");
  private static final String OTHER_SELLER = TestTokens.seller("other-seller-readiness-list");
  private static final String MANAGER = TestTokens.salesManager("manager-readiness-list");

  /** Need and budget required; decision maker weighs 25, a near timeline 75. */
  private static final String POLICY_WEIGHTED =
      "{\"criteria\": ["
          + "{\"key\": \"need-confirmed\", \"label\": \"Need confirmed\", \"field\": \"need\", \"operator\": \"in\", \"values\": [\"Must Have\", \"Should Have\"], \"required\": true},"
          + "{\"key\": \"budget-available\", \"label\": \"Budget available\", \"field\": \"budgetStatus\", \"operator\": \"in\", \"values\": [\"Can Buy\", \"Will Buy\"], \"required\": true},"
          + "{\"key\": \"decides\", \"label\": \"Decision maker\", \"field\": \"decisionMaker\", \"operator\": \"equals\", \"values\": [true], \"required\": false, \"weight\": 25},"
          + "{\"key\": \"soon\", \"label\": \"Buys soon\", \"field\": \"purchaseTimeframe\", \"operator\": \"in\", \"values\": [\"Immediate\", \"This Quarter\"], \"required\": false, \"weight\": 75}]}";

  /** The same lead data weighs the other way round: decision maker 75, timeline 25. */
  private static final String POLICY_REWEIGHTED = POLICY_WEIGHTED.replace("\"weight\": 25", "\"weight\": 7").replace("\"weight\": 75", "\"weight\": 25").replace("\"weight\": 7", "\"weight\": 75");

  private static final String NONE = "{}";
  private static final String DECIDES = "{\"authority\": {\"decisionMaker\": true}}";
  private static final String READY_AND_SOON =
      "{\"need\": {\"level\": \"Must Have\"}, \"budget\": {\"status\": \"Can Buy\"}, \"timeline\": {\"purchaseTimeframe\": \"Immediate\"}}";
  private static final String EVERYTHING =
      "{\"need\": {\"level\": \"Must Have\"}, \"budget\": {\"status\": \"Can Buy\"}, \"authority\": {\"decisionMaker\": true},"
          + " \"timeline\": {\"purchaseTimeframe\": \"This Quarter\"}}";

  private int policyVersion;

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static int savePolicy(String policy) {
    return succeeded(as(ADMIN).contentType(ContentType.JSON).body(policy).put(POLICY).then().extract()).path("version");
  }

  @BeforeEach
  void aWeightedPolicy() {
    policyVersion = savePolicy(POLICY_WEIGHTED);
  }

  @AfterEach
  void restoreAPolicyWithoutCriteria() {
    savePolicy(QualificationPolicyApiTest.WITHOUT_CRITERIA);
  }

  private static String lead(String token, String marker, String qualification) {
    String body = "{\"companyName\": \"" + marker + "\", \"qualification\": " + qualification + "}";
    return succeeded(as(token).contentType(ContentType.JSON).body(body).post(BASE).then().extract()).path("id");
  }

  private static ExtractableResponse<Response> list(String token, String marker, Object... parameters) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("q", marker);
    for (int i = 0; i < parameters.length; i += 2) {
      query.put((String) parameters[i], parameters[i + 1]);
    }
    return as(token).queryParams(query).get(BASE).then().extract();
  }

  private static List<String> ids(ExtractableResponse<Response> page) {
    return succeeded(page).path("items.id");
  }

  @Test
  void aNewLeadCarriesTheReadinessItsOwnMeasureAnswers() {
    String id = lead(SELLER, Leads.marker(), READY_AND_SOON);

    ExtractableResponse<Response> lead = succeeded(as(SELLER).get(BASE + "/{id}", id).then().extract());
    ExtractableResponse<Response> measure = succeeded(as(SELLER).get(BASE + "/{id}/readiness", id).then().extract());
    assertThat(lead.<Integer>path("readiness.score")).isEqualTo(75).isEqualTo(measure.<Integer>path("readiness"));
    assertThat(lead.<Boolean>path("readiness.requiredMet")).isTrue();
    assertThat(lead.<String>path("readiness.fit")).isEqualTo(measure.<String>path("fit.verdict"));
    assertThat(lead.<Integer>path("readiness.policyVersion")).isEqualTo(policyVersion);
  }

  @Test
  void theListSortsByReadinessEitherWayAndFiltersByItsRangeAndByRequiredMet() {
    String marker = Leads.marker();
    String none = lead(SELLER, marker, NONE);
    String decides = lead(SELLER, marker, DECIDES);
    String readyAndSoon = lead(SELLER, marker, READY_AND_SOON);
    String everything = lead(SELLER, marker, EVERYTHING);

    assertThat(ids(list(SELLER, marker, "sort", "readiness,desc"))).containsExactly(everything, readyAndSoon, decides, none);
    assertThat(ids(list(SELLER, marker, "sort", "readiness,asc"))).containsExactly(none, decides, readyAndSoon, everything);
    assertThat(succeeded(list(SELLER, marker, "sort", "readiness,desc")).<List<Integer>>path("items.readiness.score"))
        .containsExactly(100, 75, 25, 0);
    assertThat(ids(list(SELLER, marker, "readinessMin", 25, "readinessMax", 75, "sort", "readiness,desc")))
        .containsExactly(readyAndSoon, decides);
    assertThat(ids(list(SELLER, marker, "requiredMet", true, "sort", "readiness,desc"))).containsExactly(everything, readyAndSoon);
    assertThat(ids(list(SELLER, marker, "requiredMet", false, "sort", "readiness,desc"))).containsExactly(decides, none);
    assertThat(ids(list(SELLER, marker, "fit", "unknown"))).hasSize(4);
    assertThat(ids(list(SELLER, marker, "fit", "Good fit"))).isEmpty();
  }

  @Test
  void anEditMeasuresTheLeadAgain() {
    String marker = Leads.marker();
    String id = lead(SELLER, marker, NONE);
    long version = succeeded(as(SELLER).get(BASE + "/{id}", id).then().extract()).<Integer>path("version");

    succeeded(
        as(SELLER)
            .contentType("application/merge-patch+json")
            .header("If-Match", Leads.etag(version))
            .body("{\"qualification\": " + EVERYTHING + "}")
            .patch(BASE + "/{id}", id)
            .then()
            .extract());

    assertThat(succeeded(list(SELLER, marker, "readinessMin", 100)).<List<String>>path("items.id")).containsExactly(id);
  }

  @Test
  void aPolicyChangeMeasuresEveryLeadAgainInTheBackgroundWithoutChangingItsVersion() {
    String marker = Leads.marker();
    String decides = lead(SELLER, marker, DECIDES);
    String readyAndSoon = lead(SELLER, marker, READY_AND_SOON);
    ExtractableResponse<Response> before = succeeded(as(SELLER).get(BASE + "/{id}", decides).then().extract());

    int reweighted = savePolicy(POLICY_REWEIGHTED);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(succeeded(list(SELLER, marker)).<List<Integer>>path("items.readiness.policyVersion"))
                    .containsOnly(reweighted));
    assertThat(ids(list(SELLER, marker, "sort", "readiness,desc"))).containsExactly(decides, readyAndSoon);
    ExtractableResponse<Response> after = succeeded(as(SELLER).get(BASE + "/{id}", decides).then().extract());
    assertThat(after.<Integer>path("readiness.score")).isEqualTo(75);
    assertThat(after.<Integer>path("version")).isEqualTo(before.<Integer>path("version"));
    assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
  }

  @Test
  void aSellerSortingByReadinessSeesOnlyOwnLeadsAndAManagerSeesAll() {
    String marker = Leads.marker();
    String own = lead(SELLER, marker, NONE);
    String others = lead(OTHER_SELLER, marker, EVERYTHING);

    assertThat(ids(list(SELLER, marker, "sort", "readiness,desc"))).containsExactly(own);
    assertThat(ids(list(SELLER, marker, "readinessMin", 50))).isEmpty();
    assertThat(ids(list(MANAGER, marker, "sort", "readiness,desc"))).containsExactly(others, own);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "readinessMin | 101 | readinessMin",
        "readinessMin | -1 | readinessMin",
        "readinessMax | 5.5 | readinessMax",
        "readinessMin | high | readinessMin",
        "fit | Great fit | fit",
        "requiredMet | yes | requiredMet",
        "sort | readiness,up | sort"
      })
  void badReadinessParametersAre400NamingTheParameter(String parameter, String value, String field) {
    assertThat(invalidFields(problem(list(SELLER, Leads.marker(), parameter, value), 400))).containsExactly(field);
  }

  @Test
  void aRangeThatEndsBeforeItStartsIs400() {
    assertThat(invalidFields(problem(list(SELLER, Leads.marker(), "readinessMin", 80, "readinessMax", 20), 400)))
        .containsExactly("readinessMax");
  }
}
