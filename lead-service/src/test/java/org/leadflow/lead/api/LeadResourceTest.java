package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.tokens.TestTokens;

@QuarkusTest
public class LeadResourceTest {

  public static final String ADA =
      """
      {"firstName":"Ada","lastName":"Lovelace","companyName":"Analytical Engines Ltd",
       "jobTitle":"Head of Operations","email":"Ada.Lovelace@analytical-engines.example",
       "phone":"+442079460123","website":"https://analytical-engines.example","source":"Trade Show",
       "industry":"Manufacturing","numberOfEmployees":250,
       "annualRevenue":{"amount":"12500000.00","currency":"GBP"},"country":"GB","city":"London",
       "description":"Met at the booth","attributes":{"campaign":"spring-expo","newsletter":true,"visits":3}}
      """;

  public static ExtractableResponse<Response> create(String json) {
    return given().contentType(ContentType.JSON).body(json).when().post("/api/v1/leads").then().extract();
  }

  @Test
  void aCreatedLeadStartsOpenNewAndCanBeReadBack() {
    ExtractableResponse<Response> created = create(ADA);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/leads/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");

    given()
        .when()
        .get("/api/v1/leads/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("id", equalTo(id))
        .body("lastName", equalTo("Lovelace"))
        .body("email", equalTo("ada.lovelace@analytical-engines.example"))
        .body("source", equalTo("Trade Show"))
        .body("annualRevenue.amount", equalTo("12500000.00"))
        .body("annualRevenue.currency", equalTo("GBP"))
        .body("attributes.newsletter", equalTo(true))
        .body("attributes.visits", equalTo(3))
        .body("state", equalTo("Open"))
        .body("statusReason", equalTo("New"))
        .body("statusReasonCode", equalTo(1))
        .body("createdAt", notNullValue())
        .body("version", equalTo(0));
  }

  @Test
  void anUnknownLeadIsA404Problem() {
    given()
        .when()
        .get("/api/v1/leads/{id}", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("title", equalTo("Lead not found"))
        .body("type", startsWith("https://"));
  }

  @Test
  void aLeadIdThatIsNotAUuidIsA404Problem() {
    given()
        .when()
        .get("/api/v1/leads/{id}", "not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void qualificationEnteredAtCreationIsStampedWithWhoEnteredItAndWhen() {
    ExtractableResponse<Response> created =
        create(
            """
            {"companyName":"Stamped Ltd","qualification":{
              "budget":{"amount":{"amount":"50000","currency":"GBP"},"status":"Will Buy","note":"Signed off"},
              "authority":{"decisionMaker":true,"purchaseProcess":"Committee"}}}
            """);
    assertThat(created.statusCode()).as(created.body().asString()).isEqualTo(201);
    String id = created.path("id");

    ExtractableResponse<Response> lead = given().when().get("/api/v1/leads/{id}", id).then().extract();
    assertThat(lead.<String>path("qualification.budget.amount.amount")).isEqualTo("50000.00");
    assertThat(lead.<String>path("qualification.budget.status")).isEqualTo("Will Buy");
    assertThat(lead.<String>path("qualification.budget.note")).isEqualTo("Signed off");
    assertThat(lead.<String>path("qualification.budget.capturedBy")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(lead.<String>path("qualification.budget.capturedAt")).isEqualTo(lead.<String>path("createdAt"));
    assertThat(lead.<Boolean>path("qualification.authority.decisionMaker")).isTrue();
    assertThat(lead.<String>path("qualification.authority.capturedBy")).isEqualTo(TestTokens.DEFAULT_CALLER);
    assertThat(lead.<String>path("qualification.need.level")).isNull();
    assertThat(lead.<String>path("qualification.need.capturedBy")).isNull();
    assertThat(lead.<String>path("qualification.need.capturedAt")).isNull();
  }

  @Test
  void aLeadWithoutLastNameOrCompanyIsRejectedNamingBothFields() {
    create("{\"firstName\":\"Nobody\"}");
    given()
        .contentType(ContentType.JSON)
        .body("{\"firstName\":\"Nobody\"}")
        .when()
        .post("/api/v1/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", containsInAnyOrder("lastName", "companyName"));
  }

  @Test
  void everyInvalidFieldGetsItsOwnErrorInOneAnswer() {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
            {"lastName":"X","email":"not-an-email","phone":"0123","country":"Germany",
             "source":"Carrier Pigeon","numberOfEmployees":-1,
             "annualRevenue":{"amount":"12.345","currency":"euro"},"attributes":{"nested":{"a":1}}}
            """)
        .when()
        .post("/api/v1/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("status", equalTo(400))
        .body(
            "errors.field",
            containsInAnyOrder(
                "email", "phone", "country", "source", "numberOfEmployees", "annualRevenue.amount",
                "annualRevenue.currency", "attributes.nested"));
  }

  @Test
  void malformedJsonAndWrongTypesAre400Problems() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"lastName\": ")
        .when()
        .post("/api/v1/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("title", equalTo("Malformed request body"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"lastName\":\"X\",\"numberOfEmployees\":\"many\"}")
        .when()
        .post("/api/v1/leads")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("numberOfEmployees"));
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    given()
        .contentType(ContentType.TEXT)
        .body("lastName=X")
        .when()
        .post("/api/v1/leads")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void listsArePagedSortedAndFiltered() {
    String marker = "Zed" + UUID.randomUUID().toString().substring(0, 8);
    for (String country : List.of("NL", "NL", "BE")) {
      assertThat(
              create(
                      "{\"lastName\":\"" + marker + "\",\"companyName\":\"" + marker + " " + country
                          + "\",\"country\":\"" + country + "\",\"source\":\"Web\"}")
                  .statusCode())
          .isEqualTo(201);
    }
    given()
        .queryParam("q", marker.toLowerCase())
        .queryParam("country", "NL")
        .queryParam("size", 1)
        .queryParam("sort", "createdAt,asc")
        .when()
        .get("/api/v1/leads")
        .then()
        .statusCode(200)
        .body("total", equalTo(2))
        .body("size", equalTo(1))
        .body("page", equalTo(0))
        .body("items", hasSize(1))
        .body("items[0].country", equalTo("NL"));
    given()
        .queryParam("source", "Web")
        .queryParam("state", "Open")
        .when()
        .get("/api/v1/leads")
        .then()
        .statusCode(200)
        .body("total", greaterThanOrEqualTo(3));
  }

  @Test
  void invalidPagingSortingAndFiltersAre400() {
    given().queryParam("size", 500).when().get("/api/v1/leads").then().statusCode(400)
        .body("errors[0].field", equalTo("size"));
    given().queryParam("sort", "password,asc").when().get("/api/v1/leads").then().statusCode(400)
        .body("errors[0].field", equalTo("sort"));
    given().queryParam("state", "Sleeping").when().get("/api/v1/leads").then().statusCode(400)
        .body("errors[0].field", equalTo("state"));
  }
}
