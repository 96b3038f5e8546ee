package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * What an on-call person reads of lead-service at {@code /q/metrics}, scraped as Prometheus does:
 * conversions waiting, answered and how long they took; requests refused with 401 and 403.
 */
@QuarkusTest
class OperationsMetricsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Inject ObjectMapper json;

  @Test
  void aConversionIsCountedAsCompletedOrFailedWithItsDurationOnceItsAnswerIsRecorded() throws Exception {
    double completed = value("leadflow_conversions_resolved_total{outcome=\"completed\"}");
    double failed = value("leadflow_conversions_resolved_total{outcome=\"failed\"}");
    double durations = value("leadflow_conversion_duration_seconds_count");

    ExtractableResponse<Response> first = qualifiedLead();
    answer(OpportunityEventTypes.CREATED, first, Map.of(
        "accountId", first.<String>path("conversion.accountId"), "accountCreated", true,
        "contactId", first.<String>path("conversion.contactId"), "contactCreated", true));
    ExtractableResponse<Response> second = qualifiedLead();
    answer(OpportunityEventTypes.CONVERSION_FAILED, second, Map.of("reason", "unknown-account", "detail", "No such account"));

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(value("leadflow_conversions_resolved_total{outcome=\"completed\"}")).isEqualTo(completed + 1);
      assertThat(value("leadflow_conversions_resolved_total{outcome=\"failed\"}")).isEqualTo(failed + 1);
      assertThat(value("leadflow_conversion_duration_seconds_count")).isEqualTo(durations + 2);
    });
  }

  @Test
  void requestsRefusedForWantOfATokenOrOfARoleAreCountedByStatus() {
    double unauthorized = value("leadflow_http_requests_refused_total{status=\"401\"}");
    double forbidden = value("leadflow_http_requests_refused_total{status=\"403\"}");

    given().noFiltersOfType(DefaultBearerToken.class).get("/api/v1/leads").then().statusCode(401);
    given().noFiltersOfType(DefaultBearerToken.class)
        .header("Authorization", "Bearer " + TestTokens.seller("seller-" + UUID.randomUUID()))
        .get("/api/v1/dead-letters").then().statusCode(403);

    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(value("leadflow_http_requests_refused_total{status=\"401\"}")).isEqualTo(unauthorized + 1);
      assertThat(value("leadflow_http_requests_refused_total{status=\"403\"}")).isEqualTo(forbidden + 1);
    });
  }

  private ExtractableResponse<Response> qualifiedLead() {
    String id =
        given().contentType(ContentType.JSON).body("{\"lastName\":\"Hopper\",\"companyName\":\"Metrics " + UUID.randomUUID() + "\"}")
            .post("/api/v1/leads").then().statusCode(201).extract().path("id");
    return given().contentType(ContentType.JSON).body("{}").post("/api/v1/leads/{id}/qualify", id).then().statusCode(200).extract();
  }

  private void answer(String type, ExtractableResponse<Response> qualified, Map<String, Object> more) throws Exception {
    String opportunityId = qualified.path("conversion.opportunityId");
    Map<String, Object> data = new HashMap<>(more);
    data.put("opportunityId", opportunityId);
    data.put("originatingLeadId", qualified.<String>path("lead.id"));
    data.put("conversionId", qualified.<String>path("conversion.id"));
    OpportunityEvents.send(type, opportunityId, json.writeValueAsString(data));
  }

  /** The value of one series, written as in the exposition format (maybe with an exemplar); 0 when absent. */
  private static double value(String series) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)(?: #.*)?$").matcher(scrape());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static String scrape() {
    return given().noFiltersOfType(DefaultBearerToken.class).get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
