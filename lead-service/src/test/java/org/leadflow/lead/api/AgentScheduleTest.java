package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The qualification agent's schedule, which the other tests leave off: with it on, a run is queued every
 * interval while the policy is not off — a dry run in mode dry-run, a real one in mode on.
 */
@QuarkusTest
@TestProfile(AgentScheduleTest.ScheduleOn.class)
class AgentScheduleTest {

  public static class ScheduleOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.agent.schedule-enabled", "true", "leadflow.agent.interval", "1s");
    }
  }

  private static final String HOPELESS =
      "\"rules\": [{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10}, \"action\": \"disqualify\", \"reason\": \"Lost\"}]";

  @AfterEach
  void agentOff() {
    Agent.off();
  }

  /** The newest scheduled run that has completed and decided about the lead. */
  private static JsonPath scheduledRunAbout(String leadId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              String id = succeeded(given().get(Agent.RUNS).then().extract()).jsonPath()
                  .getString("items.find { it.trigger == 'schedule' && it.status == 'completed' }.id");
              return id == null ? null : succeeded(given().get(Agent.RUNS + "/{id}", id).then().extract()).jsonPath();
            },
            run -> run != null && Agent.decision(run, leadId) != null);
  }

  @Test
  void inModeDryRunTheScheduleOnlyReportsAndInModeOnItActs() {
    String id = Leads.newLead();
    Agent.score(id, 3);
    succeeded(Agent.savePolicy("{\"mode\": \"dry-run\", \"recentChangeHours\": 0, " + HOPELESS + "}"));

    JsonPath reported = scheduledRunAbout(id);

    assertThat(reported.getBoolean("dryRun")).isTrue();
    assertThat(reported.getString("requestedBy")).isEqualTo("qualification-agent");
    assertThat(Agent.decision(reported, id)).containsEntry("outcome", "disqualify");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");

    succeeded(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, " + HOPELESS + "}"));

    await().atMost(Duration.ofSeconds(30)).until(() -> get(id).<String>path("statusReason"), "Lost"::equals);
    assertThat(Leads.history(id).jsonPath().getString("items.find { it.action == 'disqualified' }.actor.via")).isEqualTo("agent");
  }
}
