package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.lead.security.ManualClock;

/**
 * Nurture: a lead disqualified with {@code nurtureUntil} is reactivated by the system on that date,
 * once, with its event and history entry; a lead a person reactivated or disqualified again (with
 * another date or none) in the meantime is left alone. The service's clock stands still until the
 * test moves it; the scheduled job looks every second (the scheduler's shortest interval), two leads at a time.
 */
@QuarkusTest
@TestProfile(NurtureReactivationTest.MovableClock.class)
class NurtureReactivationTest {

  public static class MovableClock implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.nurture.interval", "1s", "leadflow.nurture.batch-size", "2");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(ManualClock.class);
    }
  }

  private static final String REACTIVATED = "leadflow.lead.reactivated.v1";

  @Inject ManualClock clock;

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String disqualified(LocalDate nurtureUntil) {
    String id = Leads.newLead();
    String until = nurtureUntil == null ? "" : ", \"nurtureUntil\": \"" + nurtureUntil + "\"";
    succeeded(Leads.disqualify(given(), id, "{\"reason\": \"No Longer Interested\", \"note\": \"Not this year\"" + until + "}"));
    return id;
  }

  private static String state(String id) {
    return succeeded(Leads.get(id)).path("state");
  }

  @Test
  void eachLeadIsReactivatedByTheSystemOnItsNurtureDateOnceAndLeadsChangedMeanwhileAreLeftAlone() throws Exception {
    LocalDate today = today();
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      List<String> due = List.of(disqualified(today.plusDays(1)), disqualified(today.plusDays(2)), disqualified(today.plusDays(2)));
      String notYetDue = disqualified(today.plusDays(3));
      String reactivatedByAPerson = disqualified(today.plusDays(1));
      succeeded(Leads.reactivate(given(), reactivatedByAPerson, "{\"note\": \"Called us back\"}"));
      String disqualifiedAgainLater = disqualified(today.plusDays(1));
      succeeded(Leads.reactivate(disqualifiedAgainLater));
      succeeded(Leads.disqualify(given(), disqualifiedAgainLater, "{\"reason\": \"Lost\", \"nurtureUntil\": \"" + today.plusDays(30) + "\"}"));
      String disqualifiedAgainForGood = disqualified(today.plusDays(1));
      succeeded(Leads.reactivate(disqualifiedAgainForGood));
      succeeded(Leads.disqualify(disqualifiedAgainForGood, "Canceled"));
      List<String> leftAlone = List.of(notYetDue, reactivatedByAPerson, disqualifiedAgainLater, disqualifiedAgainForGood);
      Map<String, Long> versions = leftAlone.stream().collect(Collectors.toMap(id -> id, Leads::version));
      assertThat(due).allSatisfy(id -> assertThat(state(id)).isEqualTo("Disqualified"));

      clock.advance(Duration.ofDays(2));

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(due).allSatisfy(id -> assertThat(state(id)).isEqualTo("Open")));
      // A lead due after the others were reactivated: once it is, the job has looked at every lead again.
      String dueLast = disqualified(today());
      await().atMost(Duration.ofSeconds(20)).until(() -> "Open".equals(state(dueLast)));

      for (String id : due) {
        JsonPath lead = succeeded(Leads.get(id)).jsonPath();
        assertThat(lead.getString("statusReason")).isEqualTo("New");
        assertThat(lead.getString("nurtureUntil")).isNull();
        JsonPath history = succeeded(Leads.history(id)).jsonPath();
        assertThat(history.getList("items.findAll { it.action == 'reactivated' }")).hasSize(1);
        assertThat(history.getString("items.find { it.action == 'reactivated' }.actor.id")).isEqualTo("nurture");
        assertThat(history.getString("items.find { it.action == 'reactivated' }.actor.via")).isEqualTo("system");
        assertThat(history.getString("items.find { it.action == 'reactivated' }.details.cause")).isEqualTo("nurture-ended");
        assertThat(history.getString("items.find { it.action == 'reactivated' }.details.note")).startsWith("Nurtured until ");
      }
      List<TopicReader.Event> reactivations =
          reader.await(e -> due.contains(e.key()) && REACTIVATED.equals(e.header(CloudEventHeaders.TYPE)), due.size(), Duration.ofSeconds(20));
      assertThat(reactivations).extracting(TopicReader.Event::key).containsExactlyInAnyOrderElementsOf(due);
      TopicReader.Event first = reactivations.stream().filter(e -> e.key().equals(due.get(0))).findFirst().orElseThrow();
      EventContract.assertValid(first);
      JsonPath data = new JsonPath(first.value());
      assertThat(data.getString("reactivatedVia")).isEqualTo("system");
      assertThat(data.getString("reactivatedBy")).isEqualTo("nurture");
      assertThat(data.getString("cause")).isEqualTo("nurture-ended");
      assertThat(data.getString("nurtureUntil")).isEqualTo(today.plusDays(1).toString());
      assertThat(data.getString("previousStatusReason")).isEqualTo("No Longer Interested");

      for (String id : leftAlone) {
        assertThat(Leads.version(id)).as(id).isEqualTo(versions.get(id));
      }
      assertThat(state(notYetDue)).isEqualTo("Disqualified");
      assertThat(state(disqualifiedAgainLater)).isEqualTo("Disqualified");
      assertThat(state(disqualifiedAgainForGood)).isEqualTo("Disqualified");
      List<TopicReader.Event> personsReactivation =
          reader.await(e -> reactivatedByAPerson.equals(e.key()) && REACTIVATED.equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(5));
      assertThat(new JsonPath(personsReactivation.get(0).value()).getString("reactivatedVia")).isEqualTo("user");
      assertThat(new JsonPath(personsReactivation.get(0).value()).getString("cause")).isNull();
      assertThat(reader.seen())
          .filteredOn(e -> leftAlone.contains(e.key()) && REACTIVATED.equals(e.header(CloudEventHeaders.TYPE)))
          .extracting(e -> new JsonPath(e.value()).getString("reactivatedVia"))
          .containsOnly("user");
    }
  }
}
