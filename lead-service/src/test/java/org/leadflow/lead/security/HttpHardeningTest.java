package org.leadflow.lead.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * The HTTP baseline both services share (module web), seen through lead-service: size, type and
 * length limits, answers that give nothing internal away and are problems even where the HTTP
 * layer refuses, security headers, CORS for the configured frontend only, metrics that name
 * endpoint templates only, and the endpoints that stay open without a token.
 */
@QuarkusTest
class HttpHardeningTest {

  private static final String LEADS = "/api/v1/leads";
  private static final String PROBLEM = "application/problem+json";
  /** The frontend origin %test allows (application.properties). */
  private static final String FRONTEND = "https://crm.leadflow.test";

  @TestHTTPResource("/")
  URI api;

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
  void aChunkedBodyGrowingPastTheLimitIsRefusedWith413Problem() throws Exception {
    byte[] chunk = ("{\"companyName\":\"Big Ltd\",\"description\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        send(
            HttpRequest.newBuilder(api.resolve(LEADS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunk))));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
    assertThat(refused.body()).contains("\"status\":413");
  }

  @Test
  void aBodyWithoutContentTypeIsRefusedWith415AndCreatesNothing() throws Exception {
    String marker = "no-type-" + UUID.randomUUID();
    HttpResponse<String> refused =
        send(HttpRequest.newBuilder(api.resolve(LEADS)).POST(HttpRequest.BodyPublishers.ofString("{\"companyName\":\"" + marker + "\"}")));

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
    assertThat(given().queryParam("q", marker).get(LEADS).then().extract().<Integer>path("total")).isZero();
  }

  @Test
  void aRequestTargetOrHeadersTooLongAreRefusedWithProblems() throws Exception {
    HttpResponse<String> longTarget = send(HttpRequest.newBuilder(api.resolve(LEADS + "?q=" + "x".repeat(5_000))).GET());
    assertThat(longTarget.statusCode()).isEqualTo(414);
    assertThat(longTarget.body()).contains("\"status\":414");

    HttpResponse<String> largeHeaders = send(HttpRequest.newBuilder(api.resolve(LEADS)).header("X-Filler", "x".repeat(30_000)).GET());
    assertThat(largeHeaders.statusCode()).isEqualTo(431);
    assertThat(largeHeaders.body()).contains("\"status\":431");
  }

  @Test
  void aMethodNoEndpointTakesIsRefusedWith405Problem() {
    ExtractableResponse<Response> refused = given().delete(LEADS + "/00000000-0000-0000-0000-000000000000").then().extract();

    assertThat(refused.statusCode()).isEqualTo(405);
    assertThat(refused.contentType()).startsWith(PROBLEM);
  }

  @Test
  void metricsNameEndpointTemplatesNeverRawPaths() {
    List<String> marks = new java.util.ArrayList<>();
    String forged = TestTokens.issuer().token("mallory", null, List.of("seller")).signedByAnotherKey().sign();
    for (int i = 0; i < 50; i++) {
      String mark = "m" + UUID.randomUUID().toString().replace("-", "");
      marks.add(mark);
      withoutToken().get("/api/v1/" + mark).then().extract();
      withoutToken().get("/" + mark + "/x").then().extract();
      withoutToken().header("Authorization", "Bearer " + forged).get(LEADS + "/{id}", UUID.randomUUID()).then().extract();
    }
    withoutToken().header("Authorization", "Bearer " + forged).get(LEADS + "/" + marks.get(0) + "/history").then().extract();

    String metrics = withoutToken().get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics).contains("http_server_requests_seconds_count");
    assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests")))
        .allSatisfy(line -> assertThat(line).doesNotContainPattern("uri=\"[^\"]*(m[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-)"));
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWith415() {
    ExtractableResponse<Response> refused =
        given().contentType(ContentType.TEXT).body("companyName=Plain Ltd").post(LEADS).then().extract();

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.contentType()).startsWith(PROBLEM);
  }

  @Test
  void anEndpointWhoseBodyIsOptionalRefusesABodyThatIsNotJsonToo() {
    for (String action : java.util.List.of("reactivate", "conversion/retry")) {
      ExtractableResponse<Response> refused =
          given()
              .contentType("text/plain")
              .body("{\"note\":\"read as JSON before\"}")
              .post(LEADS + "/" + java.util.UUID.randomUUID() + "/" + action)
              .then()
              .extract();

      assertThat(refused.statusCode()).as(action).isEqualTo(415);
      assertThat(refused.contentType()).startsWith(PROBLEM);
    }
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

  /** The qualification policy is saved with PUT; opportunity-service removes lines with DELETE. */
  @ParameterizedTest
  @ValueSource(strings = {"PUT", "DELETE"})
  void theConfiguredFrontendMayUseEveryMethodTheApisHave(String method) {
    ExtractableResponse<Response> preflight =
        withoutToken()
            .header("Origin", FRONTEND)
            .header("Access-Control-Request-Method", method)
            .options("/api/v1/qualification-policy")
            .then()
            .extract();

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains(method);
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
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.contentType()).startsWith(PROBLEM);
    ExtractableResponse<Response> call = given().header("Origin", "https://evil.example").get(LEADS).then().extract();
    assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    assertThat(call.statusCode()).isEqualTo(403);
    assertThat(call.contentType()).startsWith(PROBLEM);
    assertThat(call.<String>path("type")).endsWith("/cors-rejected");
  }

  @Test
  void theFrontendMayNotUseAMethodCorsDoesNotAllow() {
    ExtractableResponse<Response> refused =
        given().header("Origin", FRONTEND).request("TRACE", LEADS + "/00000000-0000-0000-0000-000000000000").then().extract();

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith(PROBLEM);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.header("Authorization", "Bearer " + TestTokens.defaultCaller()).build(), HttpResponse.BodyHandlers.ofString());
  }
}
