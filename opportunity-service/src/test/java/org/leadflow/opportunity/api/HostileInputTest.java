package org.leadflow.opportunity.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.ACCOUNTS;
import static org.leadflow.opportunity.Api.CONTACTS;
import static org.leadflow.opportunity.Api.MATCHES;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.PROBLEM;
import static org.leadflow.opportunity.Api.invalidFields;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource.DefaultBearerToken;

/**
 * The classes of hostile input that module web refuses for every endpoint (README.md, section
 * Security), seen through opportunity-service: coerced or duplicated JSON, text with NUL or lone
 * surrogates, dates beyond the year 9999, bodies without a type; and metrics that never record a
 * raw path.
 */
@QuarkusTest
class HostileInputTest {

  @TestHTTPResource("/")
  URI service;

  private static ExtractableResponse<Response> findMatches(String json) {
    return given().contentType(ContentType.JSON).body(json).post(MATCHES).then().extract();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"companyName\":true}",
        "{\"companyName\":1e309}",
        "{\"companyName\":\"Ada Ltd\",\"companyName\":\"Byron Ltd\"}",
        "{\"companyName\":\"Ada\\u0000 Ltd\"}",
        "{\"companyName\":\"Ada\\ud800 Ltd\"}"
      })
  void aMatchProbeThatIsNotPlainTextIsRefusedNamingTheMember(String json) {
    assertThat(invalidFields(findMatches(json))).containsExactly("companyName");
  }

  @Test
  void aMatchProbeWithoutContentTypeIsRefusedWith415() throws Exception {
    HttpResponse<String> refused =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(service.resolve(MATCHES))
                    .header("Authorization", "Bearer " + TestTokens.defaultCaller())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"companyName\":\"Ada Ltd\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%2B9999999-01-01", "%2B999999999-12-31", "1899-12-31"})
  void aCloseDateFilterBeyondTheBusinessRangeIsRefusedNamingIt(String date) {
    ExtractableResponse<Response> refused =
        given().urlEncodingEnabled(false).get(OPPORTUNITIES + "?closeDateFrom=" + date + "&closeDateTo=" + date).then().extract();

    assertThat(invalidFields(refused)).containsExactlyInAnyOrder("closeDateFrom", "closeDateTo");
  }

  @ParameterizedTest
  @ValueSource(strings = {OPPORTUNITIES, ACCOUNTS, CONTACTS})
  void aQueryOrPathParameterWithNulIsRefusedNamingIt(String collection) {
    assertThat(invalidFields(given().urlEncodingEnabled(false).get(collection + "?q=a%00b&ownerId=%00").then().extract()))
        .containsExactlyInAnyOrder("q", "ownerId");
    assertThat(invalidFields(given().urlEncodingEnabled(false).get(collection + "/%00").then().extract())).containsExactly("id");
  }

  @Test
  void metricsNameEndpointTemplatesNeverRawPaths() {
    String forged = TestTokens.issuer().token("mallory", null, List.of("seller")).signedByAnotherKey().sign();
    for (int i = 0; i < 50; i++) {
      String mark = "m" + UUID.randomUUID().toString().replace("-", "");
      given().noFiltersOfType(DefaultBearerToken.class).get("/api/v1/" + mark).then().extract();
      given().noFiltersOfType(DefaultBearerToken.class).get("/" + mark).then().extract();
      given().header("Authorization", "Bearer " + forged).get(ACCOUNTS + "/{id}", UUID.randomUUID()).then().extract();
      given().header("Authorization", "Bearer " + forged).get(OPPORTUNITIES + "/" + mark).then().extract();
    }

    String metrics = given().noFiltersOfType(DefaultBearerToken.class).get("/q/metrics").then().statusCode(200).extract().asString();

    assertThat(metrics).contains("http_server_requests_seconds_count");
    assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests")))
        .allSatisfy(line -> assertThat(line).doesNotContainPattern("uri=\"[^\"]*(m[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-)"));
  }
}
