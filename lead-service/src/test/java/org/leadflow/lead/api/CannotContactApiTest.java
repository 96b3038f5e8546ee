package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.devstack.EventContract;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * The qualification policy's Cannot Contact part: the rule (N unanswered outreach attempts within M
 * days flag the lead, or disqualify it as Cannot Contact, by the system, as the attempt is logged;
 * reactivation clears it) and the guard (Cannot Contact before K outreach attempts is refused with
 * 422 unless a sales manager overrides, which the history and the event keep).
 */
@QuarkusTest
class CannotContactApiTest {

  private static final String POLICY = "/api/v1/qualification-policy";
  private static final String ADMIN = TestTokens.admin("admin-reach");
  private static final String SELLER = TestTokens.seller("seller-reach");
  private static final String MANAGER = TestTokens.salesManager("manager-reach");
  private static final String NO_ANSWER = "{\"type\": \"Phone Call\", \"subject\": \"Try\", \"direction\": \"Outbound\", \"outcome\": \"No Answer\"}";

  private static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  private static ExtractableResponse<Response> savePolicy(String cannotContact) {
    return as(ADMIN).contentType(ContentType.JSON).body("{\"criteria\": [], \"cannotContact\": " + cannotContact + "}").put(POLICY).then().extract();
  }

  @AfterEach
  void restoreAPolicyWithoutCriteria() {
    succeeded(as(ADMIN).contentType(ContentType.JSON).body(QualificationPolicyApiTest.WITHOUT_CRITERIA).put(POLICY).then().extract());
  }

  private static String sellersLead() {
    return succeeded(as(SELLER).contentType(ContentType.JSON).body("{\"companyName\": \"" + Leads.marker() + "\"}").post(BASE).then().extract()).path("id");
  }

  private static void logUnanswered(String id, int times, Instant occurredAt) {
    String body = NO_ANSWER.replace("}", occurredAt == null ? "}" : ", \"occurredAt\": \"" + occurredAt + "\"}");
    for (int i = 0; i < times; i++) {
      succeeded(Leads.logActivity(as(SELLER), id, body));
    }
  }

  private static ExtractableResponse<Response> disqualifyAsCannotContact(String token, String id, String override) {
    String body = "{\"reason\": \"Cannot Contact\"" + (override == null ? "" : ", \"policyOverride\": {\"justification\": \"" + override + "\"}") + "}";
    return Leads.disqualify(as(token), id, body);
  }

  @Test
  void aCannotContactPartThatCannotWorkIsRefusedNamingItsMemberAndNothingIsSaved() {
    int version = succeeded(as(ADMIN).get(POLICY).then().extract()).path("version");

    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": 3}"))).containsExactly("cannotContact.withinDays");
    assertThat(invalidFields(savePolicy("{\"withinDays\": 7}"))).containsExactly("cannotContact.unansweredAttempts");
    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": 3, \"withinDays\": 7, \"action\": \"shout\"}"))).containsExactly("cannotContact.action");
    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": 0, \"withinDays\": 366, \"minimumAttemptsBeforeDisqualifying\": 101}")))
        .containsExactlyInAnyOrder("cannotContact.unansweredAttempts", "cannotContact.withinDays", "cannotContact.minimumAttemptsBeforeDisqualifying");
    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": 2, \"withinDays\": 7, \"action\": \"disqualify\", \"minimumAttemptsBeforeDisqualifying\": 3}")))
        .containsExactly("cannotContact.unansweredAttempts");
    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": \"three\", \"withinDays\": 7}"))).containsExactly("cannotContact.unansweredAttempts");
    assertThat(invalidFields(savePolicy("{\"unansweredAttempts\": 3, \"withinDays\": 7, \"tone\": \"polite\"}"))).containsExactly("cannotContact.tone");

    assertThat(succeeded(as(ADMIN).get(POLICY).then().extract()).<Integer>path("version")).isEqualTo(version);
  }

  @Test
  void thePartIsSavedReadAndPublishedWithThePolicyAndOffByDefault() throws Exception {
    assertThat(succeeded(as(SELLER).get(POLICY).then().extract()).<Object>path("cannotContact")).isNull();
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      JsonPath saved = succeeded(savePolicy("{\"unansweredAttempts\": 4, \"withinDays\": 10, \"minimumAttemptsBeforeDisqualifying\": 2}")).jsonPath();

      assertThat(saved.getMap("cannotContact"))
          .containsEntry("unansweredAttempts", 4)
          .containsEntry("withinDays", 10)
          .containsEntry("action", "flag")
          .containsEntry("minimumAttemptsBeforeDisqualifying", 2);
      assertThat(succeeded(as(SELLER).get(POLICY).then().extract()).<Integer>path("cannotContact.withinDays")).isEqualTo(10);
      TopicReader.Event changed =
          reader.await(e -> "leadflow.lead.qualification-policy-changed.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(changed);
      assertThat(new JsonPath(changed.value()).getInt("cannotContact.unansweredAttempts")).isEqualTo(4);
      assertThat(new JsonPath(changed.value()).getString("cannotContact.action")).isEqualTo("flag");
    }
  }

  @Test
  void unansweredAttemptsReachingTheRuleFlagTheLeadBySystemWithHistoryAndEventAndReactivationClearsIt() throws Exception {
    succeeded(savePolicy("{\"unansweredAttempts\": 3, \"withinDays\": 7, \"action\": \"flag\"}"));
    String id = sellersLead();
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      logUnanswered(id, 2, null);
      assertThat(succeeded(Leads.get(id)).<Boolean>path("contactability.flagged")).isFalse();

      logUnanswered(id, 1, null);

      JsonPath lead = succeeded(Leads.get(id)).jsonPath();
      assertThat(lead.getBoolean("contactability.flagged")).isTrue();
      assertThat(lead.getInt("contactability.attempts")).isEqualTo(3);
      assertThat(lead.getString("contactability.since")).isNotNull();
      assertThat(lead.getString("state")).isEqualTo("Open");
      JsonPath history = succeeded(Leads.history(id)).jsonPath();
      assertThat(history.getString("items.find { it.action == 'cannot-contact-flagged' }.actor.id")).isEqualTo("cannot-contact-policy");
      assertThat(history.getString("items.find { it.action == 'cannot-contact-flagged' }.actor.via")).isEqualTo("system");
      assertThat(history.getInt("items.find { it.action == 'cannot-contact-flagged' }.details.attempts")).isEqualTo(3);
      TopicReader.Event flagged =
          reader.await(e -> id.equals(e.key()) && "leadflow.lead.updated.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(flagged);
      assertThat(new JsonPath(flagged.value()).getString("updatedBy")).isEqualTo("cannot-contact-policy");
      assertThat(new JsonPath(flagged.value()).getList("changes.field")).contains("contactability.flagged", "contactability.attempts");

      // A fourth attempt does not flag it again.
      logUnanswered(id, 1, null);
      assertThat(succeeded(Leads.history(id)).jsonPath().getList("items.findAll { it.action == 'cannot-contact-flagged' }")).hasSize(1);

      succeeded(Leads.disqualify(as(SELLER), id, "{\"reason\": \"Lost\"}"));
      succeeded(Leads.reactivate(as(SELLER), id, "{}"));
      assertThat(succeeded(Leads.get(id)).<Boolean>path("contactability.flagged")).isFalse();
      assertThat(succeeded(Leads.history(id)).<String>path("items.find { it.action == 'cannot-contact-cleared' }.actor.id")).isEqualTo("seller-reach");
    }
  }

  @Test
  void onlyAttemptsWithinTheWindowCount() {
    succeeded(savePolicy("{\"unansweredAttempts\": 3, \"withinDays\": 7}"));
    String id = sellersLead();

    logUnanswered(id, 2, Instant.now().minus(Duration.ofDays(8)));
    logUnanswered(id, 2, null);
    assertThat(succeeded(Leads.get(id)).<Boolean>path("contactability.flagged")).isFalse();

    logUnanswered(id, 1, Instant.now().minus(Duration.ofDays(6)));
    assertThat(succeeded(Leads.get(id)).<Boolean>path("contactability.flagged")).isTrue();
    assertThat(succeeded(Leads.get(id)).<Integer>path("contactability.attempts")).isEqualTo(3);
  }

  @Test
  void whereThePolicySaysSoTheSystemDisqualifiesAsCannotContactAndReactivationClearsTheFlag() throws Exception {
    succeeded(savePolicy("{\"unansweredAttempts\": 2, \"withinDays\": 7, \"action\": \"disqualify\"}"));
    String id = sellersLead();
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      logUnanswered(id, 2, null);

      JsonPath lead = succeeded(Leads.get(id)).jsonPath();
      assertThat(lead.getString("state")).isEqualTo("Disqualified");
      assertThat(lead.getString("statusReason")).isEqualTo("Cannot Contact");
      assertThat(lead.getBoolean("contactability.flagged")).isTrue();
      JsonPath history = succeeded(Leads.history(id)).jsonPath();
      assertThat(history.getString("items.find { it.action == 'disqualified' }.actor.id")).isEqualTo("cannot-contact-policy");
      assertThat(history.getString("items.find { it.action == 'disqualified' }.details.cause")).isEqualTo("cannot-contact-policy");
      TopicReader.Event disqualified =
          reader.await(e -> id.equals(e.key()) && "leadflow.lead.disqualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(disqualified);
      JsonPath data = new JsonPath(disqualified.value());
      assertThat(data.getString("statusReason")).isEqualTo("Cannot Contact");
      assertThat(data.getString("disqualifiedVia")).isEqualTo("system");
      assertThat(data.getString("cause")).isEqualTo("cannot-contact-policy");

      JsonPath reactivated = succeeded(Leads.reactivate(as(SELLER), id, "{\"note\": \"They wrote back\"}")).jsonPath();
      assertThat(reactivated.getString("state")).isEqualTo("Open");
      assertThat(reactivated.getBoolean("contactability.flagged")).isFalse();
    }
  }

  @Test
  void theGuardRefusesCannotContactBeforeTheMinimumOfAttemptsNamingTheRuleAndNothingChanges() {
    succeeded(savePolicy("{\"minimumAttemptsBeforeDisqualifying\": 3}"));
    String id = sellersLead();
    logUnanswered(id, 2, null);
    succeeded(Leads.logActivity(as(SELLER), id, "{\"type\": \"Phone Call\", \"subject\": \"Planned\", \"outcome\": \"Scheduled\"}"));
    long version = Leads.version(id);

    ExtractableResponse<Response> refused = problem(disqualifyAsCannotContact(SELLER, id, null), 422);

    assertThat(refused.<String>path("type")).endsWith("/cannot-contact-too-early");
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("cannot-contact-minimum-attempts");
    assertThat(refused.<String>path("errors[0].message")).contains("at least 3").contains("had 2");
    assertThat(Leads.version(id)).isEqualTo(version);
    assertThat(problem(disqualifyAsCannotContact(SELLER, id, "They never answer"), 403).<String>path("type")).endsWith("/override-not-allowed");
    assertThat(Leads.version(id)).isEqualTo(version);
    succeeded(Leads.disqualify(as(SELLER), id, "{\"reason\": \"Lost\"}"));
  }

  @Test
  void aSalesManagerOverridesTheGuardWithAJustificationKeptInTheHistoryAndTheEvent() throws Exception {
    succeeded(savePolicy("{\"minimumAttemptsBeforeDisqualifying\": 3}"));
    String id = sellersLead();
    logUnanswered(id, 1, null);
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      JsonPath disqualified = succeeded(disqualifyAsCannotContact(MANAGER, id, "The company has closed")).jsonPath();

      assertThat(disqualified.getString("statusReason")).isEqualTo("Cannot Contact");
      JsonPath history = succeeded(Leads.history(id)).jsonPath();
      assertThat(history.getMap("items.find { it.action == 'disqualified' }.details.policyOverride"))
          .containsEntry("rule", "cannot-contact-minimum-attempts")
          .containsEntry("by", "manager-reach")
          .containsEntry("justification", "The company has closed")
          .containsEntry("attempts", 1)
          .containsEntry("minimumAttempts", 3);
      TopicReader.Event event =
          reader.await(e -> id.equals(e.key()) && "leadflow.lead.disqualified.v1".equals(e.header(CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20)).get(0);
      EventContract.assertValid(event);
      assertThat(new JsonPath(event.value()).getString("policyOverride.justification")).isEqualTo("The company has closed");
      assertThat(new JsonPath(event.value()).getString("disqualifiedVia")).isEqualTo("user");
    }
  }

  @Test
  void enoughAttemptsPassTheGuardWithoutOverrideAndOtherReasonsAreNotGuarded() {
    succeeded(savePolicy("{\"minimumAttemptsBeforeDisqualifying\": 2}"));
    String tried = sellersLead();
    logUnanswered(tried, 1, null);
    succeeded(Leads.logActivity(as(SELLER), tried, "{\"type\": \"Email\", \"subject\": \"Hello\", \"direction\": \"Outbound\", \"outcome\": \"Bounced\"}"));
    String untried = sellersLead();

    JsonPath disqualified = succeeded(disqualifyAsCannotContact(SELLER, tried, null)).jsonPath();
    assertThat(disqualified.getString("statusReason")).isEqualTo("Cannot Contact");
    assertThat(succeeded(Leads.history(tried)).jsonPath().getString("items.find { it.action == 'disqualified' }.actor.id")).isEqualTo("seller-reach");
    assertThat(succeeded(Leads.history(tried)).jsonPath().<Object>get("items.find { it.action == 'disqualified' }.details.policyOverride")).isNull();
    assertThat(succeeded(Leads.disqualify(as(SELLER), untried, "{\"reason\": \"Lost\"}")).<String>path("statusReason")).isEqualTo("Lost");
  }
}
