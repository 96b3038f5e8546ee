package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Imports.CSV;
import static org.leadflow.lead.api.Imports.as;
import static org.leadflow.lead.api.Imports.finished;
import static org.leadflow.lead.api.Imports.upload;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Predictive scoring through the API (docs/scoring.md): an organisation's history imported with its
 * outcomes, a model trained on it by an admin, and every lead scored, explained and re-scored as it
 * changes, with {@code leadflow.lead.scored.v1} only when the score moves materially.
 */
@QuarkusTest
@TestProfile(LeadScoringTest.RescoredOnEvents.class)
class LeadScoringTest {

  /** Leads scored again on every change, as in production (the other tests set scores themselves). */
  public static class RescoredOnEvents implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.scoring.rescore-on-events", "true");
    }
  }

  private static final String INTEGRATION = TestTokens.integration("scoring-history");

  /**
   * 200 closed leads in which visits tell the outcome: the won ones visited 12 to 31 times, the
   * disqualified ones 0 to 5 times (every tenth of each the other way round, so the model has something to weigh).
   */
  private static String history(String marker) {
    StringBuilder csv = new StringBuilder("Name,Visits,Channel,Result\n");
    for (int i = 0; i < 200; i++) {
      boolean won = i % 2 == 0;
      boolean odd = i % 20 < 2;
      int visits = won != odd ? 12 + i % 20 : i % 6;
      String channel = i % 3 == 0 ? "Referral" : "Ads";
      csv.append("Scoring ").append(marker).append(' ').append(i).append(',').append(visits).append(',').append(channel)
          .append(',').append(won ? "won" : "dq").append('\n');
    }
    return csv.toString();
  }

  private static final String MAPPING =
      "{\"columns\":{\"Name\":\"lastName\",\"Visits\":\"attributes.scoringVisits:number\",\"Channel\":\"attributes.scoringChannel\"},"
          + "\"outcome\":{\"column\":\"Result\",\"values\":{\"won\":\"won\",\"dq\":\"disqualified\"}}}";

  @Test
  void onlyAnAdminTrainsAModel() {
    for (String token : List.of(TestTokens.seller("scoring-seller"), TestTokens.salesManager("scoring-manager"))) {
      ExtractableResponse<Response> refused = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{}").post(Scoring.TRAININGS).then().extract();
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.contentType()).startsWith(Leads.PROBLEM);
    }
  }

  @Test
  void aTrainingRequestWithoutItsBodyIsRefusedAndQueuesNothing() {
    List<String> before = given().header("Authorization", "Bearer " + Scoring.ADMIN).get(Scoring.TRAININGS + "?size=100").then().extract().path("items.id");

    ExtractableResponse<Response> refused =
        given().header("Authorization", "Bearer " + Scoring.ADMIN).contentType(ContentType.JSON).body("null").post(Scoring.TRAININGS).then().extract();

    assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith(Leads.PROBLEM);
    assertThat(given().header("Authorization", "Bearer " + Scoring.ADMIN).get(Scoring.TRAININGS + "?size=100").then().extract().<List<String>>path("items.id"))
        .isEqualTo(before);
  }

  @Test
  void aModelTrainedOnTheHistoryScoresLeadsWithReasonsAndRescoresThemWhenTheyChange() {
    String marker = Leads.marker();
    ExtractableResponse<Response> imported = upload(as(INTEGRATION), CSV, history(marker), MAPPING, "{\"allowReimport\": true}");
    assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(202);
    assertThat(finished(INTEGRATION, imported.path("id"), Duration.ofMinutes(2)).<Map<String, Integer>>path("outcomes"))
        .containsOnly(Map.entry("won", 100), Map.entry("disqualified", 100));

    ExtractableResponse<Response> training = Scoring.train("{\"holdoutShare\":0.2,\"seed\":7,\"baselines\":true}");

    assertThat(training.<String>path("status")).as(training.asString()).isEqualTo("completed");
    assertThat(training.<String>path("result")).isEqualTo("model");
    assertThat(training.<String>path("requestedBy")).isEqualTo("scoring-admin");
    int version = training.path("modelVersion");
    assertThat(training.<Integer>path("data.closedLeads")).isGreaterThanOrEqualTo(200);
    assertThat(training.<Integer>path("data.converted")).isGreaterThanOrEqualTo(100);
    assertThat(training.<Float>path("metrics.holdoutAuc")).isBetween(0.5f, 1f);
    assertThat(training.<Float>path("metrics.naiveBayesAuc")).isBetween(0f, 1f);
    assertThat(training.<Float>path("metrics.logisticRegressionAuc")).isBetween(0f, 1f);
    assertThat(training.<List<Map<String, Object>>>path("metrics.calibration")).isNotEmpty();
    assertThat(given().header("Authorization", "Bearer " + Scoring.ADMIN).get("/api/v1/scoring/models").then().extract().<Integer>path("items[0].version"))
        .isEqualTo(version);

    // The open leads by a marker of their own: the history's leads carry the first one.
    String open = Leads.marker();
    String keen = succeeded(Leads.create("{\"lastName\":\"Keen " + open + "\",\"attributes\":{\"scoringVisits\":25,\"scoringChannel\":\"Referral\"}}")).path("id");
    String idle = succeeded(Leads.create("{\"lastName\":\"Idle " + open + "\",\"attributes\":{\"scoringVisits\":1,\"scoringChannel\":\"Ads\"}}")).path("id");

    ExtractableResponse<Response> keenScore = Scoring.scoreWhen(keen, score -> Integer.valueOf(version).equals(score.path("modelVersion")));
    ExtractableResponse<Response> idleScore = Scoring.scoreWhen(idle, score -> Integer.valueOf(version).equals(score.path("modelVersion")));
    assertThat(keenScore.<String>path("method")).isEqualTo("model");
    assertThat(keenScore.<Integer>path("score")).isGreaterThan(idleScore.<Integer>path("score"));
    assertThat(keenScore.<String>path("grade")).isIn("A", "B", "C", "D");
    assertThat(keenScore.<List<String>>path("raising.feature")).contains("attributes.scoringVisits");
    assertThat(keenScore.<List<String>>path("raising.text")).anySatisfy(text -> assertThat(text).startsWith("Scoring visits is 25: raises the score by"));
    assertThat(idleScore.<List<String>>path("lowering.feature")).contains("attributes.scoringVisits");
    assertThat(keenScore.<Integer>path("trend.change")).isNull();

    // The list sorts and filters by score and grade.
    assertThat(succeeded(Leads.list(Map.of("q", open.toLowerCase(), "sort", "score,desc"))).<List<String>>path("items.id")).containsExactly(keen, idle);
    assertThat(succeeded(Leads.list(Map.of("q", open.toLowerCase(), "sort", "score,asc"))).<List<String>>path("items.id")).containsExactly(idle, keen);
    assertThat(succeeded(Leads.list(Map.of("q", open.toLowerCase(), "grade", idleScore.<String>path("grade")))).<List<String>>path("items.id")).contains(idle);
    assertThat(succeeded(Leads.list(Map.of("q", open.toLowerCase(), "scoreMin", keenScore.<Integer>path("score")))).<List<String>>path("items.id"))
        .containsExactly(keen);
    assertThat(Leads.invalidFields(Leads.problem(Leads.list(Map.of("scoreMin", 101, "grade", "E")), 400))).contains("scoreMin", "grade");

    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      // A note changes nothing the model reads: scored again, the same, nothing published.
      Leads.logActivity(keen, Leads.NOTE);
      // Visits fall to 1: the score falls materially, which is published, and the trend shows it.
      given().contentType(Leads.MERGE_PATCH).body("{\"attributes\":{\"scoringVisits\":1,\"scoringChannel\":\"Ads\"}}")
          .patch(Leads.BASE + "/{id}", keen).then().statusCode(200);
      int before = keenScore.path("score");
      ExtractableResponse<Response> fallen = Scoring.scoreWhen(keen, score -> score.<Integer>path("score") < before);
      assertThat(fallen.<Integer>path("trend.previousScore")).isEqualTo(before);
      assertThat(fallen.<Integer>path("trend.change")).isNegative();

      List<TopicReader.Event> scored =
          reader.await(e -> keen.equals(e.key()) && LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(60));
      EventContract.assertValid(scored.get(0));
      assertThat(scored.get(0).value()).containsPattern("\"previousScore\": ?" + before + "\\b");
      assertThat(reader.seen())
          .filteredOn(e -> keen.equals(e.key()) && LeadEventTypes.SCORED.equals(e.header(CloudEventHeaders.TYPE)))
          .as("nothing published for the note, which left the score as it was")
          .noneMatch(e -> e.value().matches("(?s).*\"score\": ?" + before + "\\b.*") && e.value().matches("(?s).*\"previousScore\": ?" + before + "\\b.*"));
    }

  }
}
