package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The classes of hostile input that module web refuses for every endpoint (README.md, section
 * Security), seen through lead-service: bodies that JSON would coerce or guess at, text PostgreSQL
 * cannot store, dates beyond what it stores faithfully. Each is a 400 naming the member or
 * parameter, and the request changes nothing.
 */
@QuarkusTest
class HostileInputTest {

  @TestHTTPResource("/")
  URI api;

  /** A lead created with {@code json}'s members after a fresh company name, or the refusal of it. */
  private static ExtractableResponse<Response> create(String marker, String members) {
    return Leads.create("{\"companyName\":\"" + marker + "\"" + members + "}");
  }

  private static int leadsNamed(String marker) {
    return succeeded(Leads.list(Map.of("q", marker))).<Integer>path("total");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ",\"lastName\":true",
        ",\"lastName\":1e309",
        ",\"lastName\":42",
        ",\"numberOfEmployees\":\"250\"",
        ",\"numberOfEmployees\":2.5",
        ",\"numberOfEmployees\":99999999999",
        ",\"numberOfEmployees\":true",
        ",\"lastName\":[\"Lovelace\"]",
        ",\"lastName\":{\"value\":\"Lovelace\"}"
      })
  void aValueOfAnotherTypeIsRefusedNamingItsMemberNotCoerced(String member) {
    String marker = Leads.marker();
    List<String> fields = invalidFields(create(marker, member));

    assertThat(fields).containsExactly(member.substring(2, member.indexOf("\"", 2)));
    assertThat(leadsNamed(marker)).isZero();
  }

  @Test
  void aDuplicateMemberIsRefusedNamingIt() {
    String marker = Leads.marker();
    ExtractableResponse<Response> refused = create(marker, ",\"lastName\":\"Lovelace\",\"lastName\":\"Byron\"");

    assertThat(invalidFields(refused)).containsExactly("lastName");
    assertThat(leadsNamed(marker)).isZero();
  }

  @Test
  void anythingAfterTheBodyIsRefused() {
    String marker = Leads.marker();
    problem(Leads.create("{\"companyName\":\"" + marker + "\"} {\"companyName\":\"Second Ltd\"}"), 400);
    assertThat(leadsNamed(marker)).isZero();
  }

  @Test
  void nullForABooleanIsRefusedAndQualifiesNothing() {
    String id = Leads.newLead();
    long version = Leads.version(id);

    ExtractableResponse<Response> refused =
        given().contentType(ContentType.JSON).body("{\"dryRun\":null}").post(BASE + "/{id}/qualify", id).then().extract();

    assertThat(invalidFields(refused)).containsExactly("dryRun");
    ExtractableResponse<Response> lead = succeeded(Leads.get(id));
    assertThat(lead.<String>path("state")).isEqualTo("Open");
    assertThat(Leads.version(id)).isEqualTo(version);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        ",\"lastName\":\"Love\\u0000lace\"",
        ",\"lastName\":\"Love\\ud800lace\"",
        ",\"lastName\":\"Lovelace\\udc00\"",
        ",\"attributes\":{\"campaign\":\"spring\\u0000expo\"}",
        ",\"attributes\":{\"camp\\u0000aign\":\"spring-expo\"}",
        ",\"qualification\":{\"need\":{\"level\":\"Must Have\",\"note\":\"\\u0000\"}}"
      })
  void textWithNulOrALoneSurrogateIsRefusedAnywhereInTheBody(String member) {
    String marker = Leads.marker();
    ExtractableResponse<Response> refused = create(marker, member);

    List<String> fields = invalidFields(refused);
    assertThat(fields).hasSize(1);
    assertThat(fields.get(0)).startsWith(member.substring(2, member.indexOf("\"", 2)));
    assertThat(refused.<String>path("errors[0].message")).contains("NUL");
    assertThat(leadsNamed(marker)).isZero();
  }

  @Test
  void anEditWithNulChangesNothing() {
    String id = Leads.newLead();
    String before = succeeded(Leads.get(id)).asString();

    assertThat(invalidFields(Leads.patch(id, "{\"jobTitle\":\"Head\\u0000\",\"attributes\":{\"a\":[\"\\ud800\"]}}")))
        .containsExactly("jobTitle");
    assertThat(succeeded(Leads.get(id)).asString()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"q", "ownerId", "country", "source", "sort"})
  void aQueryParameterWithNulIsRefusedNamingIt(String parameter) {
    ExtractableResponse<Response> refused = given().urlEncodingEnabled(false).get(BASE + "?" + parameter + "=a%00b").then().extract();

    assertThat(invalidFields(refused)).containsExactly(parameter);
  }

  @Test
  void aPathParameterWithNulIsRefusedNamingIt() {
    ExtractableResponse<Response> refused = given().urlEncodingEnabled(false).get(BASE + "/%00").then().extract();

    assertThat(invalidFields(refused)).containsExactly("id");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Idempotency-Key", "If-Match"})
  void headersTheApiReadsWithNulAreRefusedAndChangeNothing(String header) throws Exception {
    // HTTP clients refuse to send NUL in a header; an attacker's socket does not. The HTTP server
    // itself refuses it, with a bare 400 (web/README.md says why no problem body is possible there);
    // RequestTextFilter would answer a problem naming the header for any that got through.
    String marker = Leads.marker();
    String body = "{\"companyName\":\"" + marker + "\"}";
    String request =
        "POST " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestTokens.defaultCaller() + "\r\n"
            + header + ": key\u0000" + marker + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
            + "\r\nConnection: close\r\n\r\n" + body;
    String answer;
    try (Socket socket = new Socket(api.getHost(), api.getPort())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(leadsNamed(marker)).isZero();
  }

  @Test
  void aNurtureDateBeyondTheYear9999IsRefusedAndTheLeadStaysOpen() {
    String id = Leads.newLead();
    long version = Leads.version(id);

    for (String date : List.of("+9999999-01-01", "+999999999-12-31", "-0001-01-01", "1899-12-31")) {
      ExtractableResponse<Response> refused =
          Leads.disqualify(given(), id, "{\"reason\":\"Lost\",\"nurtureUntil\":\"" + date + "\"}");
      assertThat(invalidFields(refused)).as(date).containsExactly("nurtureUntil");
    }
    assertThat(Leads.version(id)).isEqualTo(version);
    succeeded(Leads.disqualify(given(), id, "{\"reason\":\"Lost\",\"nurtureUntil\":\"9999-12-31\"}"));
  }

  @Test
  void aCloseDateBeyondTheYear9999IsRefusedByQualify() {
    String id = Leads.newLead();
    long version = Leads.version(id);

    ExtractableResponse<Response> refused =
        given()
            .contentType(ContentType.JSON)
            .body("{\"opportunity\":{\"estimatedCloseDate\":\"+999999999-12-31\"}}")
            .post(BASE + "/{id}/qualify", id)
            .then()
            .extract();

    assertThat(invalidFields(refused)).containsExactly("opportunity.estimatedCloseDate");
    assertThat(Leads.version(id)).isEqualTo(version);
  }

  @Test
  void anActivityTimeBeyondTheYear9999IsRefused() {
    String id = Leads.newLead();

    ExtractableResponse<Response> refused =
        Leads.logActivity(id, "{\"type\":\"Note\",\"subject\":\"Later\",\"occurredAt\":\"+999999999-12-31T00:00:00Z\"}");

    assertThat(invalidFields(refused)).containsExactly("occurredAt");
    assertThat(succeeded(Leads.activities(id, Map.of())).<Integer>path("total")).isZero();
  }

  @Test
  void aTimeFilterBeyondTheYear9999IsRefusedNamingIt() {
    assertThat(invalidFields(Leads.list(Map.of("createdFrom", "+999999999-01-01T00:00:00Z")))).containsExactly("createdFrom");
  }
}
