package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With too little history (here: more closed leads of each outcome required than any test database
 * holds) a training makes no model, says why, and the transparent rule-based score from readiness and
 * fit is in force, saying so in every score. Leads are scored again on every change here (the other
 * tests set scores themselves), so a score change also reaches the qualification agent.
 */
@QuarkusTest
@TestProfile(LeadScoringRulesTest.LittleHistory.class)
class LeadScoringRulesTest {

  public static class LittleHistory implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.scoring.min-outcomes", "1000000", "leadflow.scoring.rescore-on-events", "true");
    }
  }

  @Test
  void withTooLittleHistoryTheRuleBasedScoreStandsInAndSaysSo() {
    ExtractableResponse<Response> training = Scoring.train(null);

    assertThat(training.<String>path("status")).as(training.asString()).isEqualTo("completed");
    assertThat(training.<String>path("result")).isEqualTo("rules");
    assertThat(training.<Integer>path("modelVersion")).isNull();
    assertThat(training.<String>path("data.reason")).startsWith("Too little history").contains("1000000 of each are needed");

    String lead = succeeded(Leads.create("{\"companyName\":\"Rules " + Leads.marker() + "\"}")).path("id");
    ExtractableResponse<Response> score = Scoring.scoreWhen(lead, found -> "rules".equals(found.path("method")));

    assertThat(score.<Integer>path("modelVersion")).isNull();
    assertThat(score.<Integer>path("score")).isBetween(0, 100);
    assertThat(score.<String>path("grade")).isIn("A", "B", "C", "D");
    List<String> features = score.path("raising.feature");
    features.addAll(score.path("lowering.feature"));
    assertThat(features).containsExactlyInAnyOrder("readiness.score", "readiness.fit");
    assertThat(score.<List<String>>path("lowering.text")).contains("Fit with the ideal customer profile is Unknown: lowers the score by 5 points");
  }

  @Test
  void aLeadsNewScoreReachesTheAgentWhichActsOnItWithoutARun() {
    Agent.actWith("{\"name\": \"Disposable domain\", \"when\": {\"disposableEmail\": true}, \"action\": \"disqualify\", \"reason\": \"Canceled\"}");
    try {
      String lead = succeeded(Leads.create("{\"lastName\":\"Throwaway\",\"email\":\"x" + Leads.marker() + "@mailinator.com\"}")).path("id");

      ExtractableResponse<Response> disqualified =
          await().atMost(Duration.ofSeconds(30)).until(() -> Leads.get(lead), found -> "Canceled".equals(found.path("statusReason")));

      assertThat(disqualified.<String>path("statusReason")).isEqualTo("Canceled");
      assertThat(given().get(Leads.BASE + "/{id}/history", lead).then().extract().<List<String>>path("items.action")).contains("agent-acted");
    } finally {
      Agent.off();
    }
  }
}
