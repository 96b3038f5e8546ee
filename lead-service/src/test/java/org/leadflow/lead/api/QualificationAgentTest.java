package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.history;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.logActivity;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.lead.application.AgentRuns;
import org.leadflow.lead.domain.agent.AgentDecision;

/**
 * The qualification agent (docs/agent-and-worklist.md): each kind of rule, its actions recorded in the
 * history as the agent's with their reasons, their undoing by a person, the dry run, the guard after a
 * person's change, and the opt-in qualify. Every rule here has a score condition, and only this test's
 * leads are scored, so that the leads of other tests are never the agent's business.
 */
@QuarkusTest
class QualificationAgentTest {

  private static final String NO_ANSWER_CALL = "{\"type\":\"Phone Call\",\"subject\":\"Try\",\"direction\":\"Outbound\",\"outcome\":\"No Answer\"}";
  private static final String BOUNCED_EMAIL = "{\"type\":\"Email\",\"subject\":\"Hello\",\"direction\":\"Outbound\",\"outcome\":\"Bounced\"}";

  @Inject AgentRuns runs;

  @AfterEach
  void agentOff() {
    Agent.off();
  }

  private static String lead(String json) {
    return succeeded(Leads.create(json)).path("id");
  }

  private static String leadScored(int score) {
    String id = lead("{\"companyName\":\"" + Leads.marker() + "\",\"phone\":\"+44 20 7946 0123\"}");
    Agent.score(id, score);
    return id;
  }

  private static JsonPath historyOf(String id) {
    return succeeded(history(id)).jsonPath();
  }

  @Test
  void aBouncedEmailWithoutAPhoneIsDisqualifiedByTheAgentWithItsReasonsInTheHistory() {
    String id = lead("{\"lastName\":\"Bounce\",\"companyName\":\"" + Leads.marker() + "\",\"email\":\"gone@bounce-" + Leads.marker() + ".example\"}");
    succeeded(logActivity(id, BOUNCED_EMAIL));
    Agent.enrichedWhen(id, enrichment -> enrichment.getBoolean("emailBounced"));
    Agent.score(id, 30);
    Agent.actWith("{\"name\": \"Bounced and no phone\", \"when\": {\"emailBounced\": true, \"hasPhone\": false, \"scoreBelow\": 50},"
        + " \"action\": \"disqualify\", \"reason\": \"Cannot Contact\"}");

    JsonPath run = Agent.run(false);

    assertThat(Agent.decision(run, id)).containsEntry("outcome", "disqualify").containsEntry("rule", "Bounced and no phone")
        .containsEntry("statusReason", "Cannot Contact");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Cannot Contact");
    JsonPath history = historyOf(id);
    assertThat(history.getString("items.find { it.action == 'disqualified' }.actor.id")).isEqualTo("qualification-agent");
    assertThat(history.getString("items.find { it.action == 'disqualified' }.actor.via")).isEqualTo("agent");
    assertThat(history.getString("items.find { it.action == 'disqualified' }.details.cause")).isEqualTo("qualification-agent");
    assertThat(history.getString("items.find { it.action == 'disqualified' }.details.note"))
        .contains("Bounced and no phone", "email bounced", "no phone number", "score 30 is below 50");
    assertThat(history.getList("items.find { it.action == 'agent-acted' }.details.reasons", String.class))
        .containsExactly("score 30 is below 50", "email bounced", "no phone number");
    assertThat(history.getString("items.find { it.action == 'agent-acted' }.details.action")).isEqualTo("disqualify");
    assertThat(run.getInt("acted")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aDisposableEmailDomainIsDisqualifiedAndALeadWithAnotherDomainIsNot() {
    String disposable = lead("{\"lastName\":\"Throwaway\",\"email\":\"x" + Leads.marker() + "@mailinator.com\"}");
    String business = lead("{\"lastName\":\"Business\",\"email\":\"x@firm-" + Leads.marker() + ".example\"}");
    Agent.enrichedWhen(disposable, enrichment -> Boolean.TRUE.equals(enrichment.get("disposableEmail")));
    Agent.enrichedWhen(business, enrichment -> Boolean.FALSE.equals(enrichment.get("disposableEmail")));
    Agent.score(disposable, 40);
    Agent.score(business, 40);
    Agent.actWith("{\"name\": \"Disposable domain\", \"when\": {\"disposableEmail\": true, \"scoreBelow\": 100}, \"action\": \"disqualify\", \"reason\": \"Canceled\"}");

    JsonPath run = Agent.run(false);

    assertThat(Agent.decision(run, disposable)).containsEntry("outcome", "disqualify");
    assertThat(Agent.reasons(run, disposable)).contains("disposable email domain");
    assertThat(get(disposable).<String>path("statusReason")).isEqualTo("Canceled");
    assertThat(Agent.decision(run, business)).isNull();
    assertThat(get(business).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void aLowScoreAfterEnoughUnansweredAttemptsIsDisqualifiedButNotBefore() {
    String cold = leadScored(10);
    String notYet = leadScored(10);
    for (int i = 0; i < 3; i++) {
      succeeded(logActivity(cold, NO_ANSWER_CALL));
    }
    succeeded(logActivity(notYet, NO_ANSWER_CALL));
    succeeded(logActivity(notYet, NO_ANSWER_CALL));
    Agent.actWith("{\"name\": \"Cold after three tries\", \"when\": {\"scoreBelow\": 20, \"unansweredAttemptsAtLeast\": 3},"
        + " \"action\": \"disqualify\", \"reason\": \"No Longer Interested\"}");

    JsonPath run = Agent.run(false);

    assertThat(Agent.reasons(run, cold))
        .containsExactly("score 10 is below 20", "3 unanswered attempts since the last answer (at least 3)");
    assertThat(get(cold).<String>path("statusReason")).isEqualTo("No Longer Interested");
    assertThat(Agent.decision(run, notYet)).isNull();
    assertThat(get(notYet).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void reactivatingALeadTheAgentDisqualifiedRestoresItAsItWasAndTheAgentLeavesItAloneFromThen() throws Exception {
    String id = leadScored(5);
    succeeded(Leads.markContacted(id));
    Agent.actWith("{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10}, \"action\": \"disqualify\", \"reason\": \"Lost\"}");
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      Agent.run(false);
      assertThat(get(id).<String>path("statusReason")).isEqualTo("Lost");

      succeeded(Leads.reactivate(given(), id, "{\"note\":\"Still talking to them\"}"));

      assertThat(get(id).<String>path("statusReason")).isEqualTo("Contacted");
      JsonPath history = historyOf(id);
      assertThat(history.getString("items.find { it.action == 'reactivated' }.details.cause")).isEqualTo("agent-action-undone");
      assertThat(history.getString("items.find { it.action == 'reactivated' }.actor.via")).isEqualTo("user");
      List<TopicReader.Event> events =
          reader.await(e -> id.equals(e.key()) && !LeadEventTypes.ENRICHED.equals(e.header(CloudEventHeaders.TYPE)), 3, Duration.ofSeconds(20));
      assertThat(events).extracting(e -> e.header(CloudEventHeaders.TYPE))
          .containsExactly(LeadEventTypes.DISQUALIFIED, LeadEventTypes.REACTIVATED, LeadEventTypes.UPDATED);
      JsonPath disqualified = JsonPath.from(events.get(0).value());
      assertThat(disqualified.getString("disqualifiedVia")).isEqualTo("agent");
      assertThat(disqualified.getString("cause")).isEqualTo("qualification-agent");
      assertThat(disqualified.getString("disqualifiedBy")).isEqualTo("qualification-agent");
    }

    JsonPath again = Agent.run(false);

    assertThat(Agent.decision(again, id)).containsEntry("outcome", "skipped").containsEntry("rule", "Hopeless");
    assertThat(Agent.reasons(again, id)).containsExactly("a person undid an earlier action of the agent on this lead");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Contacted");
  }

  @Test
  void aPersonsOwnDisqualificationIsReactivatedToNewAsAlways() {
    String id = Leads.leadWithStatus("Contacted");
    succeeded(Leads.disqualify(id, "Lost"));

    succeeded(Leads.reactivate(id));

    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");
  }

  @Test
  void aDryRunReportsWhatTheAgentWouldDoAndChangesNothing() {
    String id = leadScored(3);
    long version = Leads.version(id);
    int entries = historyOf(id).getList("items").size();
    succeeded(Agent.savePolicy("{\"mode\": \"off\", \"recentChangeHours\": 0, \"rules\": [{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10},"
        + " \"action\": \"disqualify\", \"reason\": \"Lost\"}]}"));

    JsonPath run = Agent.run(true);

    assertThat(run.getBoolean("dryRun")).isTrue();
    assertThat(Agent.decision(run, id)).containsEntry("outcome", "disqualify").containsEntry("rule", "Hopeless");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");
    assertThat(Leads.version(id)).isEqualTo(version);
    assertThat(historyOf(id).getList("items")).hasSize(entries);
  }

  @Test
  void aRealRunIsRefusedWhileTheAgentIsNotOn() {
    Agent.off();
    assertThat(problem(given().contentType(ContentType.JSON).body("{\"dryRun\": false}").post(Agent.RUNS).then().extract(), 409)
        .<String>path("type")).endsWith("/agent-off");
    succeeded(Agent.savePolicy("{\"mode\": \"dry-run\", \"recentChangeHours\": 0, \"rules\": []}"));
    problem(given().contentType(ContentType.JSON).body("{\"dryRun\": false}").post(Agent.RUNS).then().extract(), 409);
  }

  @Test
  void theAgentLeavesALeadAPersonChangedWithinTheConfiguredHoursAlone() {
    String id = leadScored(2);
    succeeded(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 24, \"rules\": [{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10},"
        + " \"action\": \"disqualify\", \"reason\": \"Lost\"}]}"));

    JsonPath held = Agent.run(false);

    assertThat(Agent.decision(held, id)).containsEntry("outcome", "skipped").containsEntry("rule", "Hopeless");
    assertThat(Agent.reasons(held, id)).singleElement().asString().contains("within the last 24 hours");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");

    Agent.actWith("{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10}, \"action\": \"disqualify\", \"reason\": \"Lost\"}");
    Agent.run(false);
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Lost");
  }

  @Test
  void theAgentMarksALeadReadyToQualifyOnceAndAPersonClearsTheMark() {
    String id = leadScored(72);
    Agent.actWith("{\"name\": \"Warm and complete\", \"when\": {\"scoreAtLeast\": 60, \"requiredMet\": true}, \"action\": \"mark-ready-to-qualify\"}");

    JsonPath run = Agent.run(false);
    Agent.run(false);

    assertThat(Agent.decision(run, id)).containsEntry("outcome", "mark-ready-to-qualify");
    JsonPath history = historyOf(id);
    assertThat(history.getList("items.findAll { it.action == 'agent-acted' }")).hasSize(1);
    assertThat(history.getList("items.find { it.action == 'agent-acted' }.details.reasons", String.class))
        .containsExactly("score 72 is at least 60", "every required criterion is met");
    assertThat(get(id).<String>path("statusReason")).isEqualTo("New");
    assertThat(Worklists.item(id)).containsEntry("readyToQualify", true);

    given().delete(Leads.BASE + "/{id}/ready-to-qualify?note=Budget not confirmed", id).then().statusCode(204);

    assertThat(historyOf(id).getString("items.find { it.action == 'ready-to-qualify-cleared' }.actor.via")).isEqualTo("user");
    assertThat(historyOf(id).getList("items.find { it.action == 'ready-to-qualify-cleared' }.details.reasons", String.class))
        .containsExactly("Budget not confirmed");
    assertThat(Worklists.item(id)).containsEntry("readyToQualify", false);
    assertThat(problem(given().delete(Leads.BASE + "/{id}/ready-to-qualify", id).then().extract(), 409).<String>path("type")).endsWith("/no-ready-mark");
    JsonPath after = Agent.run(false);
    assertThat(Agent.decision(after, id)).containsEntry("outcome", "skipped");
  }

  @Test
  void qualifyingIsOptInAndGoesThroughTheUsualQualifyAndConversion() throws Exception {
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"rules\": [{\"name\": \"Hot\","
        + " \"when\": {\"scoreAtLeast\": 85}, \"action\": \"qualify\"}]}"))).containsExactly("rules[0].action");
    String id = leadScored(91);
    Agent.actWith("{\"name\": \"Hot\", \"when\": {\"scoreAtLeast\": 85}, \"action\": \"qualify\"}");
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {

      JsonPath run = Agent.run(false);

      assertThat(Agent.decision(run, id)).containsEntry("outcome", "qualify");
      TopicReader.Event qualified = reader.await(e -> id.equals(e.key()) && LeadEventTypes.QUALIFIED.equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      assertThat(qualified.value()).contains("\"qualification-agent\"");
    }
    assertThat(get(id).<String>path("state")).isEqualTo("Qualified");
    assertThat(get(id).<String>path("conversion.status")).isEqualTo("pending");
    JsonPath history = historyOf(id);
    assertThat(history.getString("items.find { it.action == 'agent-acted' }.details.action")).isEqualTo("qualify");
    assertThat(history.getString("items.find { it.action == 'conversion-requested' }.actor.via")).isEqualTo("agent");
  }

  @Test
  void oneLeadIsEvaluatedOnItsOwnByThePolicyInForceAsAfterAScoreChange() throws Throwable {
    String id = leadScored(50);
    Agent.actWith("{\"name\": \"Hopeless\", \"when\": {\"scoreBelow\": 10}, \"action\": \"disqualify\", \"reason\": \"Lost\"}");
    AgentDecision before = VertxContextSupport.subscribeAndAwait(() -> runs.evaluate(UUID.fromString(id)));
    assertThat(before.outcome()).isEqualTo(AgentDecision.Outcome.NONE);

    Agent.score(id, 4);
    AgentDecision after = VertxContextSupport.subscribeAndAwait(() -> runs.evaluate(UUID.fromString(id)));

    assertThat(after.outcome()).isEqualTo(AgentDecision.Outcome.DISQUALIFY);
    assertThat(get(id).<String>path("statusReason")).isEqualTo("Lost");
  }

  @Test
  void aPolicyThatCannotWorkIsRefusedNamingEachMemberAndNothingIsSaved() {
    int version = given().get(Agent.POLICY).then().statusCode(200).extract().path("version");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"sometimes\", \"recentChangeHours\": 0, \"rules\": []}"))).containsExactly("mode");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"rules\": [{\"name\": \"All\", \"when\": {}, \"action\": \"disqualify\", \"reason\": \"Lost\"}]}")))
        .containsExactly("rules[0].when");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"rules\": [{\"name\": \"Merge\", \"when\": {\"scoreBelow\": 5}, \"action\": \"disqualify\", \"reason\": \"Merged\"}]}")))
        .containsExactly("rules[0].reason");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"qualifyOptIn\": true, \"rules\": [{\"name\": \"Hot\", \"when\": {\"requiredMet\": true}, \"action\": \"qualify\"}]}")))
        .containsExactly("rules[0].when.scoreAtLeast");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": -1, \"rules\": [{\"name\": \"A\", \"when\": {\"scoreBelow\": 500}, \"action\": \"explode\"}]}")))
        .contains("recentChangeHours", "rules.when.scoreBelow");
    assertThat(invalidFields(Agent.savePolicy("{\"mode\": \"on\", \"recentChangeHours\": 0, \"rules\": [{\"name\": \"A\", \"when\": {\"scoreBelow\": 5, \"hasPhone\": null}, \"action\": \"disqualify\", \"reason\": \"Lost\"}]}")))
        .singleElement().asString().endsWith("hasPhone");
    assertThat(given().get(Agent.POLICY).then().statusCode(200).extract().<Integer>path("version")).isEqualTo(version);
    assertThat(invalidFields(given().contentType(ContentType.JSON).body("{\"dryRun\": null}").post(Agent.RUNS).then().extract())).containsExactly("dryRun");
  }

  @Test
  void eachSavedPolicyIsANewVersionAndAStaleIfMatchIsRefused() {
    succeeded(Agent.savePolicy(Agent.OFF));
    int version = given().get(Agent.POLICY).then().statusCode(200).extract().path("version");
    String etag = given().get(Agent.POLICY).then().extract().header("ETag");
    assertThat(etag).isEqualTo("\"" + version + "\"");

    succeeded(Agent.savePolicy(Agent.OFF));

    assertThat(given().get(Agent.POLICY).then().extract().<Integer>path("version")).isEqualTo(version + 1);
    problem(given().header("Authorization", "Bearer " + Agent.ADMIN).header("If-Match", etag).contentType(ContentType.JSON).body(Agent.OFF)
        .put(Agent.POLICY).then().extract(), 412);
    assertThat(given().get(Agent.POLICY + "/versions").then().statusCode(200).extract().<List<Integer>>path("items.version"))
        .startsWith(version + 1, version);
  }

  /** The worklist's item of a lead, read by a sales manager. */
  static final class Worklists {
    static Map<String, Object> item(String id) {
      String owner = get(id).path("ownerId");
      return given().queryParam("ownerId", owner).queryParam("size", 200).get(Agent.WORKLIST).then().statusCode(200).extract()
          .jsonPath().getMap("items.find { it.leadId == '" + id + "' }");
    }
  }
}
