package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.succeeded;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.tokens.TestTokens;

/** The qualification agent's policy and runs, and the scores the scorer would write, for tests. */
final class Agent {

  static final String POLICY = "/api/v1/agent-policy";
  static final String RUNS = "/api/v1/agent/runs";
  static final String WORKLIST = "/api/v1/worklist";
  static final String ADMIN = TestTokens.admin("admin-ann");

  /** The policy every test leaves behind: off, no rules. */
  static final String OFF = "{\"mode\": \"off\", \"recentChangeHours\": 24, \"rules\": []}";

  private Agent() {}

  static ExtractableResponse<Response> savePolicy(String json) {
    return given().header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON).body(json).put(POLICY).then().extract();
  }

  /** Saves a policy that acts at once (mode on, no wait after a person's change) with these rules. */
  static void actWith(String rules) {
    succeeded(savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"qualifyOptIn\": true, \"rules\": [" + rules + "]}"));
  }

  static void off() {
    succeeded(savePolicy(OFF));
  }

  /** Asks for a run as the default caller (a sales manager) and answers it once completed. */
  static JsonPath run(boolean dryRun) {
    ExtractableResponse<Response> accepted =
        given().contentType(ContentType.JSON).body("{\"dryRun\": " + dryRun + "}").post(RUNS).then().extract();
    assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
    String location = accepted.header("Location");
    assertThat(location).endsWith("/api/v1/agent/runs/" + accepted.path("id"));
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> succeeded(given().get(RUNS + "/{id}", accepted.<String>path("id")).then().extract()).jsonPath(), run -> run.getString("status").equals("completed"));
  }

  /** The run's decision about one lead, or null when it did nothing about it. */
  static Map<String, Object> decision(JsonPath run, String leadId) {
    return run.getMap("decisions.find { it.leadId == '" + leadId + "' }");
  }

  /** The reasons of the run's decision about one lead. */
  static java.util.List<String> reasons(JsonPath run, String leadId) {
    return run.getList("decisions.find { it.leadId == '" + leadId + "' }.reasons", String.class);
  }

  /** What the scorer would write (it is not on this branch): the lead's score and grade, by SQL. */
  static void score(String leadId, Integer score) {
    String grade = score == null ? null : score >= 80 ? "A" : score >= 60 ? "B" : score >= 40 ? "C" : "D";
    sql("UPDATE lead SET score = ?, score_grade = ? WHERE id = cast(? as uuid)", score, grade, leadId);
  }

  static void sql(String statement, Object... values) {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("leads"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement update = db.prepareStatement(statement)) {
      for (int i = 0; i < values.length; i++) {
        update.setObject(i + 1, values[i]);
      }
      update.executeUpdate();
    } catch (Exception e) {
      throw new IllegalStateException(statement, e);
    }
  }

  /** Waits until enrichment has read the lead (its flags are what the agent's rules look at). */
  static JsonPath enrichedWhen(String leadId, java.util.function.Predicate<JsonPath> done) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> given().get(Leads.BASE + "/{id}/enrichment", leadId).then().extract(), found -> found.statusCode() == 200 && done.test(found.jsonPath()))
        .jsonPath();
  }
}
