package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.lead.security.ManualClock;

/**
 * A conversion that stays pending shows up once it has waited longer than {@code
 * leadflow.conversion.stuck-after} (gauge and list filter), and a sales manager or an admin can
 * publish its LeadQualified again. The service's clock stands still until a test moves it.
 */
@QuarkusTest
@TestProfile(PendingConversionsTest.TenMinutesIsStuck.class)
class PendingConversionsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String QUALIFIED = "leadflow.lead.qualified.v1";

  public static class TenMinutesIsStuck implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.conversion.stuck-after", "PT10M", "leadflow.conversion.stuck-check-interval", "200ms");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ManualClock.class);
    }
  }

  @Inject ManualClock clock;
  @Inject MeterRegistry registry;
  @Inject ObjectMapper json;

  // --- Stuck ---------------------------------------------------------------------------------

  @Test
  void aConversionPendingLongerThanStuckAfterIsListedAndCountedAsStuckAndAFresherOneIsNot() {
    String marker = "Stuck " + UUID.randomUUID();
    String old = qualified(marker).path("lead.id");
    clock.advance(Duration.ofMinutes(9));
    String fresh = qualified(marker).path("lead.id");
    String open = newLead(marker);

    assertThat(ids(marker, "conversionStuck", "true")).as("nothing is stuck yet").isEmpty();

    clock.advance(Duration.ofMinutes(2));

    assertThat(ids(marker, "conversionStuck", "true")).containsExactly(old);
    assertThat(ids(marker, "conversionStuck", "false")).containsExactlyInAnyOrder(fresh, open);
    assertThat(ids(marker, "conversionStatus", "pending")).containsExactlyInAnyOrder(old, fresh);
    int stuckEverywhere = given().queryParam("conversionStuck", "true").get("/api/v1/leads").then().extract().path("total");
    assertThat(stuckEverywhere).isPositive();
    await().atMost(PATIENCE).until(() -> stuckGauge() == stuckEverywhere);
  }

  @Test
  void anAnsweredConversionIsNoLongerStuckAndIsListedByItsNewStatus() throws Exception {
    String marker = "Answered " + UUID.randomUUID();
    ExtractableResponse<Response> qualified = qualified(marker);
    String id = qualified.path("lead.id");
    clock.advance(Duration.ofMinutes(11));
    assertThat(ids(marker, "conversionStuck", "true")).containsExactly(id);

    fail(qualified);

    assertThat(ids(marker, "conversionStuck", "true")).isEmpty();
    assertThat(ids(marker, "conversionStatus", "failed")).containsExactly(id);
    assertThat(ids(marker, "conversionStatus", "pending")).isEmpty();
  }

  @Test
  void anUnknownConversionStatusOrStuckValueIsA400NamingIt() {
    ExtractableResponse<Response> refused =
        given().queryParams(Map.of("conversionStatus", "lost", "conversionStuck", "yes")).get("/api/v1/leads").then().extract();
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.<List<String>>path("errors.field")).containsExactlyInAnyOrder("conversionStatus", "conversionStuck");
  }

  // --- Publishing again ----------------------------------------------------------------------

  @Test
  void aSalesManagerPublishesAPendingConversionAgainWithTheSameDataUnderANewEventIdAndItIsAudited() throws Exception {
    try (TopicReader events = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String seller = TestTokens.seller("seller-sam");
      String id = succeeded(as(seller).contentType(ContentType.JSON).body("{\"lastName\":\"Lovelace\",\"companyName\":\"Engines " + UUID.randomUUID() + "\"}")
          .post("/api/v1/leads").then().extract()).path("id");
      ExtractableResponse<Response> qualified = succeeded(as(seller).contentType(ContentType.JSON)
          .body("{\"opportunity\":{\"name\":\"Seats\",\"estimatedCloseDate\":\"2027-03-31\",\"lines\":[{\"productName\":\"Seat\",\"quantity\":\"3\","
              + "\"unitPrice\":{\"amount\":\"45.00\",\"currency\":\"EUR\"}}]}}")
          .post("/api/v1/leads/{id}/qualify", id).then().extract());
      clock.advance(Duration.ofMinutes(11));

      ExtractableResponse<Response> republished = republish(as(TestTokens.salesManager("manager-mia")), id);

      assertThat(republished.statusCode()).as(republished.asString()).isEqualTo(200);
      assertThat(republished.<String>path("id")).isEqualTo(qualified.<String>path("conversion.id"));
      assertThat(republished.<String>path("status")).isEqualTo("pending");
      List<TopicReader.Event> published = events.await(e -> id.equals(e.key()) && QUALIFIED.equals(e.header(CloudEventHeaders.TYPE)), 2, PATIENCE);
      published.forEach(EventContract::assertValid);
      assertThat(published.get(1).header(CloudEventHeaders.ID)).isNotEqualTo(published.get(0).header(CloudEventHeaders.ID));
      JsonNode first = json.readTree(published.get(0).value());
      JsonNode again = json.readTree(published.get(1).value());
      assertThat(again).isEqualTo(first);
      assertThat(again.get("qualifiedBy").asText()).isEqualTo("seller-sam");

      ExtractableResponse<Response> lead = given().get("/api/v1/leads/{id}", id).then().extract();
      assertThat(lead.header("ETag")).as("the lead itself does not change").isEqualTo(qualified.header("ETag"));
      Map<String, Object> entry = given().get("/api/v1/leads/{id}/history", id).then().extract().path("items[0]");
      assertThat(entry).containsEntry("action", "conversion-republished");
      assertThat(entry.get("actor").toString()).contains("manager-mia");
      assertThat(entry.get("details").toString()).contains(qualified.<String>path("conversion.id"), qualified.<String>path("conversion.opportunityId"));
    }
  }

  @Test
  void anAdminPublishesAPendingConversionAgainToo() {
    String id = qualified("Admin " + UUID.randomUUID()).path("lead.id");
    assertThat(republish(as(TestTokens.admin("admin-ann")), id).statusCode()).isEqualTo(200);
  }

  @Test
  void publishingAgainWithAStaleIfMatchIsA412AndRecordsNothing() {
    String id = qualified("Stale " + UUID.randomUUID()).path("lead.id");
    int historyBefore = given().get("/api/v1/leads/{id}/history", id).then().extract().path("total");

    ExtractableResponse<Response> refused = republish(given().header("If-Match", "\"0\""), id);

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(412);
    assertThat(given().get("/api/v1/leads/{id}/history", id).then().extract().<Integer>path("total")).isEqualTo(historyBefore);
    assertThat(republish(given().header("If-Match", "\"1\""), id).statusCode()).isEqualTo(200);
  }

  @Test
  void onlyAPendingConversionCanBePublishedAgain() throws Exception {
    ExtractableResponse<Response> qualified = qualified("Failed " + UUID.randomUUID());
    fail(qualified);
    String neverQualified = newLead("Open " + UUID.randomUUID());

    for (String id : List.of(qualified.<String>path("lead.id"), neverQualified)) {
      ExtractableResponse<Response> refused = republish(given(), id);
      assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.<String>path("type")).endsWith("/conversion-not-pending");
    }
  }

  // --- Helpers -------------------------------------------------------------------------------

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static ExtractableResponse<Response> republish(RequestSpecification request, String id) {
    return request.post("/api/v1/leads/{id}/conversion/republish", id).then().extract();
  }

  private static String newLead(String marker) {
    return succeeded(given().contentType(ContentType.JSON).body("{\"lastName\":\"" + marker + "\",\"companyName\":\"Engines\"}")
        .post("/api/v1/leads").then().extract()).path("id");
  }

  private static ExtractableResponse<Response> qualified(String marker) {
    return succeeded(given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/qualify", newLead(marker)).then().extract());
  }

  private void fail(ExtractableResponse<Response> qualified) throws Exception {
    String id = qualified.path("lead.id");
    OpportunityEvents.send("leadflow.opportunity.conversion-failed.v1", qualified.path("conversion.opportunityId"), json.writeValueAsString(Map.of(
        "originatingLeadId", id, "conversionId", qualified.<String>path("conversion.id"),
        "opportunityId", qualified.<String>path("conversion.opportunityId"), "reason", "account-not-found")));
    await().atMost(PATIENCE).until(() -> "failed".equals(given().get("/api/v1/leads/{id}", id).then().extract().path("conversion.status")));
  }

  private static List<String> ids(String marker, String parameter, String value) {
    return succeeded(given().queryParams(Map.of("q", marker, parameter, value)).get("/api/v1/leads").then().extract()).path("items.id");
  }

  private static ExtractableResponse<Response> succeeded(ExtractableResponse<Response> response) {
    assertThat(response.statusCode()).as(response.asString()).isBetween(200, 299);
    return response;
  }

  private double stuckGauge() {
    return registry.get("leadflow.conversions.stuck").gauge().value();
  }
}
