package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.EventContract;

/** Qualify in lead-service: the request, LeadQualified, and the answers linked back. */
@QuarkusTest
class LeadConversionTest {

  private static final String LINES =
      "{\"opportunity\":{\"name\":\"Engines: 200 seats\",\"estimatedCloseDate\":\"2027-03-31\",\"lines\":["
          + "{\"productName\":\"Seat\",\"quantity\":\"200\",\"unitPrice\":{\"amount\":\"45.00\",\"currency\":\"EUR\"}},"
          + "{\"productName\":\"Onboarding\",\"quantity\":\"1\",\"unitPrice\":{\"amount\":\"5000\",\"currency\":\"EUR\"}}]}}";

  @Inject ObjectMapper json;

  private static String newLead() {
    return given().contentType(ContentType.JSON)
        .body("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"Engines " + UUID.randomUUID()
            + "\",\"email\":\"ada@engines.example\",\"country\":\"GB\",\"qualification\":{\"budget\":{\"amount\":{\"amount\":\"9000\",\"currency\":\"GBP\"}}}}")
        .post("/api/v1/leads").then().statusCode(201).extract().path("id");
  }

  private static ExtractableResponse<Response> qualify(String id, String body) {
    return given().contentType(ContentType.JSON).body(body).post("/api/v1/leads/{id}/qualify", id).then().extract();
  }

  @Test
  void qualifyingAnswersAtOnceWithTheIdsToCreateAndPublishesLeadQualifiedInTheSameTransaction() throws Exception {
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = newLead();
      ExtractableResponse<Response> qualified = qualify(id, LINES);

      assertThat(qualified.statusCode()).as(qualified.asString()).isEqualTo(200);
      assertThat(qualified.<String>path("lead.state")).isEqualTo("Qualified");
      assertThat(qualified.<Integer>path("lead.statusReasonCode")).isEqualTo(3);
      assertThat(qualified.<String>path("conversion.status")).isEqualTo("pending");
      String opportunityId = qualified.path("conversion.opportunityId");
      String accountId = qualified.path("conversion.accountId");
      String contactId = qualified.path("conversion.contactId");
      assertThat(List.of(opportunityId, accountId, contactId)).doesNotContainNull().doesNotHaveDuplicates();
      assertThat(qualified.header("ETag")).isEqualTo("\"1\"");

      TopicReader.Event event = events.await(e -> id.equals(e.key()) && "leadflow.lead.qualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(event);
      JsonNode data = json.readTree(event.value());
      assertThat(data.get("leadId").asText()).isEqualTo(id);
      assertThat(data.get("opportunityId").asText()).isEqualTo(opportunityId);
      assertThat(data.get("accountId").asText()).isEqualTo(accountId);
      assertThat(data.get("contactId").asText()).isEqualTo(contactId);
      assertThat(data.get("conversionId").asText()).isEqualTo(qualified.<String>path("conversion.id"));
      assertThat(data.at("/options/createAccount").asBoolean()).isTrue();
      assertThat(data.at("/lead/lastName").asText()).isEqualTo("Lovelace");
      assertThat(data.at("/lead/budgetAmount/amount").asText()).isEqualTo("9000.00");
      assertThat(data.at("/opportunity/name").asText()).isEqualTo("Engines: 200 seats");
      assertThat(data.at("/opportunity/estimatedValue/amount").asText()).isEqualTo("14000.00");
      assertThat(data.at("/opportunity/estimatedValue/currency").asText()).isEqualTo("EUR");
      assertThat(data.at("/opportunity/lines")).hasSize(2);
      assertThat(data.at("/opportunity/estimatedCloseDate").asText()).isEqualTo("2027-03-31");
    }
  }

  @Test
  void onlyAnOpenLeadCanBeQualified() {
    String disqualified = newLead();
    given().contentType(ContentType.JSON).body("{\"reason\":\"Lost\"}").post("/api/v1/leads/{id}/disqualify", disqualified).then().statusCode(200);
    ExtractableResponse<Response> refused = qualify(disqualified, "{}");
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.<String>path("state")).isEqualTo("Disqualified");
    assertThat(refused.<String>path("action")).isEqualTo("qualify");

    String qualified = newLead();
    assertThat(qualify(qualified, "{}").statusCode()).isEqualTo(200);
    assertThat(qualify(qualified, "{}").statusCode()).isEqualTo(409);
  }

  @Test
  void twentyConcurrentQualifyCallsOnOneLeadGiveOneConversion() throws Exception {
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = newLead();
      ExecutorService callers = Executors.newFixedThreadPool(20);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Callable<Integer> call = () -> {
          start.await();
          return qualify(id, "{}").statusCode();
        };
        answers.add(callers.submit(call));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      callers.shutdown();

      assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
      assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
      // The marker is published after anything the losers could have written.
      given().contentType(ContentType.JSON).body("{\"type\":\"Note\",\"subject\":\"marker\"}")
          .post("/api/v1/leads/{id}/activities", id).then().statusCode(409);
      given().get("/api/v1/leads/{id}", id).then().statusCode(200);
      List<TopicReader.Event> qualifiedEvents =
          events.await(e -> id.equals(e.key()) && "leadflow.lead.qualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20));
      assertThat(qualifiedEvents).hasSize(1);
      assertThat(given().get("/api/v1/leads/{id}/history", id).then().extract().<List<String>>path("items.action"))
          .containsOnlyOnce("qualified", "conversion-requested");
    }
  }

  @Test
  void aDryRunPreviewsAndChangesNothingEvenWhenOpportunityServiceIsDown() {
    String id = newLead();
    ExtractableResponse<Response> preview = qualify(id, "{\"dryRun\":true,\"createContact\":false," + LINES.substring(1));

    assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
    assertThat(preview.<Boolean>path("dryRun")).isTrue();
    assertThat(preview.<String>path("preview.account.action")).isEqualTo("create");
    assertThat(preview.<String>path("preview.contact.action")).isEqualTo("none");
    assertThat(preview.<String>path("preview.opportunity.estimatedValue.amount")).isEqualTo("14000.00");
    assertThat(preview.<Boolean>path("preview.matches.available")).isFalse();
    assertThat(preview.<String>path("preview.matches.detail")).contains("opportunity-service");
    assertThat(preview.<Object>path("conversion")).isNull();

    given().get("/api/v1/leads/{id}", id).then().statusCode(200).header("ETag", "\"0\"");
    assertThat(given().get("/api/v1/leads/{id}", id).then().extract().<String>path("state")).isEqualTo("Open");
    assertThat(qualify(id, "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void invalidOptionsAreRejectedNamingTheField() {
    String id = newLead();
    assertThat(qualify(id, "{\"createAccount\":true,\"existingAccountId\":\"" + UUID.randomUUID() + "\"}").<List<String>>path("errors.field"))
        .containsExactly("createAccount");
    assertThat(qualify(id, "{\"opportunity\":{\"lines\":[{\"productName\":\"A\",\"quantity\":\"1\",\"unitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}},"
        + "{\"productName\":\"B\",\"quantity\":\"1\",\"unitPrice\":{\"amount\":\"1\",\"currency\":\"USD\"}}]}}").<List<String>>path("errors.field"))
        .containsExactly("opportunity.lines");
    assertThat(qualify(id, "{\"opportunity\":{\"lines\":[{\"productName\":\"A\",\"quantity\":\"0\",\"unitPrice\":{\"amount\":\"1\",\"currency\":\"EUR\"}}]}}").<List<String>>path("errors.field"))
        .containsExactly("opportunity.lines[0].quantity");
    assertThat(given().get("/api/v1/leads/{id}", id).then().extract().<String>path("state")).isEqualTo("Open");
  }

  /** Opportunity drafts opportunity-service would refuse, and the field each one's 400 names. */
  static Stream<Arguments> draftsOpportunityServiceRefuses() {
    return Stream.of(
        Arguments.of("{\"name\":\"" + "x".repeat(301) + "\"}", "opportunity.name"),
        Arguments.of(lines(line(" ", "1", "1.00", "EUR")), "opportunity.lines[0].productName"),
        Arguments.of(lines(line("Seat", "1", "-45.00", "EUR")), "opportunity.lines[0].unitPrice.amount"),
        Arguments.of(lines(line("Seat", "999999999", "99999999999999999.99", "EUR")), "opportunity.lines[0]"),
        Arguments.of(lines(line("Seat", "1", "99999999999999999.99", "EUR"), line("Setup", "1", "0.01", "EUR")), "opportunity.lines"),
        Arguments.of(lines(line("Seat", "1", "1.00", "EUR"), line("Setup", "1", "1.00", "GBP")), "opportunity.lines"),
        Arguments.of("{\"estimatedValue\":{\"amount\":\"1000\",\"currency\":\"ZZZ\"}}", "opportunity.estimatedValue.currency"));
  }

  private static String line(String product, String quantity, String amount, String currency) {
    return "{\"productName\":\"" + product + "\",\"quantity\":\"" + quantity + "\",\"unitPrice\":{\"amount\":\"" + amount
        + "\",\"currency\":\"" + currency + "\"}}";
  }

  private static String lines(String... lines) {
    return "{\"lines\":[" + String.join(",", lines) + "]}";
  }

  @ParameterizedTest
  @MethodSource("draftsOpportunityServiceRefuses")
  void qualifyAndItsDryRunRefuseAnOpportunityThatOpportunityServiceWouldRefuseNamingTheField(String opportunity, String field) {
    String id = newLead();

    ExtractableResponse<Response> refused = qualify(id, "{\"opportunity\":" + opportunity + "}");
    ExtractableResponse<Response> dryRun = qualify(id, "{\"dryRun\":true,\"opportunity\":" + opportunity + "}");

    for (ExtractableResponse<Response> answer : List.of(refused, dryRun)) {
      assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.<List<String>>path("errors.field")).containsExactly(field);
    }
    ExtractableResponse<Response> lead = given().get("/api/v1/leads/{id}", id).then().extract();
    assertThat(lead.<String>path("state")).isEqualTo("Open");
    assertThat(lead.header("ETag")).isEqualTo("\"0\"");
  }

  @ParameterizedTest
  @MethodSource("draftsOpportunityServiceRefuses")
  void aRetryWithCorrectedOptionsIsRefusedWhenTheyStillBreakARuleAndTheConversionStaysFailed(String opportunity, String field) throws Exception {
    String id = newLead();
    ExtractableResponse<Response> qualified = qualify(id, "{}");
    send("leadflow.opportunity.conversion-failed.v1", qualified.path("conversion.opportunityId"), Map.of(
        "originatingLeadId", id, "conversionId", qualified.<String>path("conversion.id"),
        "opportunityId", qualified.<String>path("conversion.opportunityId"), "reason", "invalid-opportunity"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(given().get("/api/v1/leads/{id}", id).then().extract().path("conversion.status")));

    ExtractableResponse<Response> refused = given().contentType(ContentType.JSON).body("{\"opportunity\":" + opportunity + "}")
        .post("/api/v1/leads/{id}/conversion/retry", id).then().extract();

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.<List<String>>path("errors.field")).containsExactly(field);
    assertThat(given().get("/api/v1/leads/{id}", id).then().extract().<String>path("conversion.id")).isEqualTo(qualified.<String>path("conversion.id"));
  }

  @Test
  void aBlankOpportunityNameIsTheCompanysAndLinesAreValuedLineByLineAsOpportunityServiceValuesThem() {
    String id = newLead();
    ExtractableResponse<Response> preview =
        qualify(id, "{\"dryRun\":true,\"opportunity\":{\"name\":\"   \",\"lines\":["
            + line("Sample", "0.5", "0.01", "EUR") + "," + line("Sample", "0.5", "0.01", "EUR") + "]}}");

    assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
    assertThat(preview.<String>path("preview.opportunity.name")).startsWith("Engines ");
    // Each line is rounded half up to cents (0.005 → 0.01), then summed: 0.02, not a rounded 0.01.
    assertThat(preview.<String>path("preview.opportunity.estimatedValue.amount")).isEqualTo("0.02");
  }

  @Test
  void theCreatedOpportunityIsLinkedBackAndAStaleAnswerIsIgnored() throws Exception {
    String id = newLead();
    ExtractableResponse<Response> qualified = qualify(id, "{}");
    String conversionId = qualified.path("conversion.id");
    String opportunityId = qualified.path("conversion.opportunityId");
    String reusedAccount = UUID.randomUUID().toString();

    send("leadflow.opportunity.created.v1", opportunityId, Map.of(
        "opportunityId", opportunityId, "originatingLeadId", id, "conversionId", conversionId,
        "accountId", reusedAccount, "accountCreated", false, "contactId", qualified.<String>path("conversion.contactId"),
        "contactCreated", true, "name", "Engines", "state", "Open", "statusReason", "In Progress"));

    await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given().get("/api/v1/leads/{id}", id).then().extract().path("conversion.status")));
    ExtractableResponse<Response> lead = given().get("/api/v1/leads/{id}", id).then().extract();
    assertThat(lead.<String>path("conversion.opportunityId")).isEqualTo(opportunityId);
    assertThat(lead.<String>path("conversion.accountId")).isEqualTo(reusedAccount);
    assertThat(lead.<String>path("conversion.resolvedAt")).isNotNull();

    // An answer about a conversion the lead no longer has changes nothing.
    send("leadflow.opportunity.conversion-failed.v1", opportunityId, Map.of(
        "originatingLeadId", id, "conversionId", UUID.randomUUID().toString(), "opportunityId", opportunityId, "reason", "late"));
    String marker = newLead();
    String markerConversion = qualify(marker, "{}").path("conversion.id");
    send("leadflow.opportunity.conversion-failed.v1", opportunityId, Map.of(
        "originatingLeadId", marker, "conversionId", markerConversion, "opportunityId", opportunityId, "reason", "marker"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(given().get("/api/v1/leads/{id}", marker).then().extract().path("conversion.status")));
    assertThat(given().get("/api/v1/leads/{id}", id).then().extract().<String>path("conversion.status")).isEqualTo("completed");
  }

  @Test
  void aFailedConversionShowsItsReasonAndCanBeRetriedOnlyThen() throws Exception {
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = newLead();
      String missingAccount = UUID.randomUUID().toString();
      ExtractableResponse<Response> qualified = qualify(id, "{\"existingAccountId\":\"" + missingAccount + "\"}");
      assertThat(qualified.<String>path("conversion.accountId")).isEqualTo(missingAccount);
      given().post("/api/v1/leads/{id}/conversion/retry", id).then().statusCode(409);

      send("leadflow.opportunity.conversion-failed.v1", qualified.path("conversion.opportunityId"), Map.of(
          "originatingLeadId", id, "conversionId", qualified.<String>path("conversion.id"),
          "opportunityId", qualified.<String>path("conversion.opportunityId"), "reason", "account-not-found",
          "detail", "No account " + missingAccount));
      await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(given().get("/api/v1/leads/{id}", id).then().extract().path("conversion.status")));
      assertThat(given().get("/api/v1/leads/{id}", id).then().extract().<String>path("conversion.failureReason")).isEqualTo("account-not-found");

      ExtractableResponse<Response> retried = given().contentType(ContentType.JSON).body("{\"createAccount\":true}")
          .post("/api/v1/leads/{id}/conversion/retry", id).then().extract();
      assertThat(retried.statusCode()).as(retried.asString()).isEqualTo(200);
      assertThat(retried.<String>path("conversion.status")).isEqualTo("pending");
      assertThat(retried.<String>path("conversion.id")).isNotEqualTo(qualified.<String>path("conversion.id"));
      assertThat(retried.<String>path("conversion.accountId")).isNotEqualTo(missingAccount);

      List<TopicReader.Event> qualifiedEvents = events.await(
          e -> id.equals(e.key()) && "leadflow.lead.qualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 2, Duration.ofSeconds(20));
      assertThat(json.readTree(qualifiedEvents.get(1).value()).at("/options/createAccount").asBoolean()).isTrue();
    }
  }

  private void send(String type, String key, Map<String, Object> data) throws Exception {
    OpportunityEvents.send(type, key, json.writeValueAsString(data));
  }
}
