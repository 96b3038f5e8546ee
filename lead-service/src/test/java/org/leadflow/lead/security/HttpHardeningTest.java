package org.leadflow.lead.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * The HTTP baseline both services share (module web), seen through lead-service: size and type
 * limits, answers that give nothing internal away, security headers, CORS for the configured
 * frontend only, and the endpoints that stay open without a token.
 */
@QuarkusTest
class HttpHardeningTest {

  private static final String LEADS = "/api/v1/leads";
  private static final String PROBLEM = "application/problem+json";
  /** The frontend origin %test allows (application.properties). */
  private static final String FRONTEND = "https://crm.leadflow.test";

  private static RequestSpecification withoutToken() {
    return given().noFiltersOfType(DefaultBearerToken.class);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String description = "x".repeat(1_100_000);
    ExtractableResponse<Response> refused =
        given().contentType(ContentType.JSON).body("{\"companyName\":\"Big Ltd\",\"description\":\"" + description + "\"}").post(LEADS).then().extract();

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith(PROBLEM);
    assertThat(refused.<Integer>path("status")).isEqualTo(413);
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    ExtractableResponse<Response> refused =
        given().contentType(ContentType.TEXT).body("companyName=Plain Ltd").post(LEADS).then().extract();

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.contentType()).startsWith(PROBLEM);
  }

  @Test
  void anUnexpectedFailureAnswersACorrelationIdAndNothingInternal() {
    ExtractableResponse<Response> failed = given().get(FailingTestEndpoint.PATH).then().extract();

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.contentType()).startsWith(PROBLEM);
    assertThat(failed.<String>path("correlationId")).isNotBlank();
    String body = failed.asString().toLowerCase(java.util.Locale.ROOT);
    assertThat(body).doesNotContain("select", "owner_id", "sqlexception", "illegalstateexception", "at org.", "ada@example.org");
  }

  @Test
  void anEndpointThatForgetsToNameItsRolesIsClosedToEveryone() {
    assertThat(given().get(ForgottenRolesTestEndpoint.PATH).then().extract().statusCode()).isEqualTo(403);
    assertThat(withoutToken().get(ForgottenRolesTestEndpoint.PATH).then().extract().statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {LEADS, "/api/v1/no-such-collection"})
  void apiAnswersCarryTheSecurityHeadersAndAreNeverCached(String path) {
    for (ExtractableResponse<Response> answer : List.of(given().get(path).then().extract(), withoutToken().get(path).then().extract())) {
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(answer.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
      assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(answer.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
  void healthMetricsAndTheApiDocumentStayOpenEvenToAStaleToken(String path) {
    withoutToken().get(path).then().statusCode(200);
    String expired = TestTokens.issuer().token("someone", null, List.of("seller")).expiresIn(Duration.ofHours(-1)).sign();
    withoutToken().header("Authorization", "Bearer " + expired).get(path).then().statusCode(200);
  }

  @Test
  void theConfiguredFrontendMayCallTheApiFromABrowser() {
    ExtractableResponse<Response> preflight =
        withoutToken()
            .header("Origin", FRONTEND)
            .header("Access-Control-Request-Method", "PATCH")
            .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
            .options(LEADS + "/00000000-0000-0000-0000-000000000000")
            .then()
            .extract();

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase(java.util.Locale.ROOT)).contains("authorization", "if-match");
    assertThat(given().header("Origin", FRONTEND).get(LEADS).then().extract().header("Access-Control-Expose-Headers")).contains("ETag");
  }

  @Test
  void anyOtherOriginIsNotAllowed() {
    ExtractableResponse<Response> preflight =
        withoutToken()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "GET")
            .options(LEADS)
            .then()
            .extract();

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(given().header("Origin", "https://evil.example").get(LEADS).then().extract().header("Access-Control-Allow-Origin")).isNull();
  }
}
