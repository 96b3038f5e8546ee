package org.leadflow.lead.conversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Qualify as one command (application.QualifyLead): run once per Idempotency-Key, and its dry run is
 * the same command stopped before commit, so it refuses exactly what qualify refuses and keeps nothing.
 */
@QuarkusTest
class QualifyCommandTest {

  private static String newLead() {
    return given().contentType(ContentType.JSON)
        .body("{\"lastName\":\"Lovelace\",\"companyName\":\"Engines " + UUID.randomUUID() + "\"}")
        .post("/api/v1/leads").then().statusCode(201).extract().path("id");
  }

  private static ExtractableResponse<Response> qualify(String id, String body, String key, String ifMatch) {
    var request = given().contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.post("/api/v1/leads/{id}/qualify", id).then().extract();
  }

  private static List<String> history(String id) {
    return given().get("/api/v1/leads/{id}/history", id).then().statusCode(200).extract().path("items.action");
  }

  @Test
  void repeatingAQualifyWithItsKeyAnswersTheFirstConversionAndQualifiesOnce() {
    String id = newLead();

    ExtractableResponse<Response> first = qualify(id, "{}", "qualify-" + id, null);
    ExtractableResponse<Response> repeat = qualify(id, "{}", "qualify-" + id, null);

    assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(repeat.<String>path("conversion.id")).isEqualTo(first.path("conversion.id"));
    assertThat(history(id)).containsOnlyOnce("qualified");
    assertThat(qualify(id, "{\"createContact\":false}", "qualify-" + id, null).statusCode()).isEqualTo(422);
  }

  @Test
  void aDryRunRefusesWhatQualifyRefusesAndKeepsNothingOfWhatItChecked() {
    String id = newLead();

    assertThat(qualify(id, "{\"dryRun\":true}", null, "\"7\"").statusCode()).isEqualTo(412);
    ExtractableResponse<Response> preview = qualify(id, "{\"dryRun\":true}", "dry-" + id, "\"0\"");
    assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
    assertThat(preview.<String>path("lead.state")).isEqualTo("Open");
    assertThat(preview.header("ETag")).isEqualTo("\"0\"");
    assertThat(history(id)).containsExactly("created");

    given().contentType(ContentType.JSON).body("{\"reason\":\"Lost\"}").post("/api/v1/leads/{id}/disqualify", id).then().statusCode(200);
    assertThat(qualify(id, "{\"dryRun\":true}", null, null).statusCode()).isEqualTo(409);
    assertThat(qualify(id, "{}", null, null).statusCode()).isEqualTo(409);
    // The dry run's key was never claimed: a real qualify may use it (and is refused for the lead's state only).
    assertThat(qualify(id, "{}", "dry-" + id, null).statusCode()).isEqualTo(409);
  }
}
