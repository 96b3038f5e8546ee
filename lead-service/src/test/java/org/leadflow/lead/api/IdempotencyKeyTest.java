package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.lead.api.Leads.activities;
import static org.leadflow.lead.api.Leads.create;
import static org.leadflow.lead.api.Leads.disqualify;
import static org.leadflow.lead.api.Leads.get;
import static org.leadflow.lead.api.Leads.history;
import static org.leadflow.lead.api.Leads.invalidFields;
import static org.leadflow.lead.api.Leads.list;
import static org.leadflow.lead.api.Leads.logActivity;
import static org.leadflow.lead.api.Leads.markContacted;
import static org.leadflow.lead.api.Leads.marker;
import static org.leadflow.lead.api.Leads.problem;
import static org.leadflow.lead.api.Leads.reactivate;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} (docs/architecture.md, section REST conventions): a repeat with the same key answers
 * the first result.
 */
@QuarkusTest
class IdempotencyKeyTest {

  private static final String REPLAYED = "Idempotent-Replayed";

  private static RequestSpecification withKey(String key) {
    return given().header("Idempotency-Key", key);
  }

  private static String newKey() {
    return UUID.randomUUID().toString();
  }

  private static long leadsNamed(String marker) {
    return succeeded(list(Map.of("q", marker))).<Integer>path("total").longValue();
  }

  // --- Create --------------------------------------------------------------------------------

  @Test
  void repeatingACreateWithItsKeyAnswersTheFirstResultAndCreatesOneLead() {
    String company = marker();
    String body = "{\"companyName\":\"" + company + "\",\"source\":\"Web\"}";
    String key = newKey();

    ExtractableResponse<Response> first = create(withKey(key), body);
    ExtractableResponse<Response> repeat = create(withKey(key), body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.header(REPLAYED)).isNull();
    assertThat(repeat.statusCode()).isEqualTo(201);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(repeat.<String>path("id")).isEqualTo(first.<String>path("id"));
    assertThat(repeat.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
    assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(leadsNamed(company)).isEqualTo(1);
  }

  @Test
  void differentKeysCreateDifferentLeads() {
    String company = marker();
    String body = "{\"companyName\":\"" + company + "\"}";

    String first = succeeded(create(withKey(newKey()), body)).path("id");
    String second = succeeded(create(withKey(newKey()), body)).path("id");

    assertThat(second).isNotEqualTo(first);
    assertThat(leadsNamed(company)).isEqualTo(2);
  }

  @Test
  void reusingACreateKeyForADifferentLeadIsA422Problem() {
    String key = newKey();
    String first = marker();
    String second = marker();
    succeeded(create(withKey(key), "{\"companyName\":\"" + first + "\"}"));

    problem(create(withKey(key), "{\"companyName\":\"" + second + "\"}"), 422);

    assertThat(leadsNamed(first)).isEqualTo(1);
    assertThat(leadsNamed(second)).isZero();
  }

  @Test
  void aRejectedCreateKeepsNoAnswerSoItsKeyCanBeUsedAgain() {
    String key = newKey();
    String company = marker();
    problem(create(withKey(key), "{\"companyName\":\"" + company + "\",\"country\":\"XX\"}"), 400);

    ExtractableResponse<Response> corrected = create(withKey(key), "{\"companyName\":\"" + company + "\",\"country\":\"GB\"}");

    assertThat(corrected.statusCode()).as(corrected.body().asString()).isEqualTo(201);
    assertThat(corrected.header(REPLAYED)).isNull();
    assertThat(leadsNamed(company)).isEqualTo(1);
  }

  @Test
  void concurrentRepeatsOfACreateCreateOneLead() {
    String company = marker();
    String body = "{\"companyName\":\"" + company + "\"}";
    String key = newKey();

    List<CompletableFuture<ExtractableResponse<Response>>> calls =
        List.of(
            CompletableFuture.supplyAsync(() -> create(withKey(key), body)),
            CompletableFuture.supplyAsync(() -> create(withKey(key), body)),
            CompletableFuture.supplyAsync(() -> create(withKey(key), body)));
    List<ExtractableResponse<Response>> answers = calls.stream().map(CompletableFuture::join).toList();

    assertThat(answers).extracting(ExtractableResponse::statusCode).containsOnly(201);
    assertThat(answers).extracting(answer -> answer.<String>path("id")).containsOnly(answers.get(0).<String>path("id"));
    assertThat(answers).filteredOn(answer -> answer.header(REPLAYED) == null).hasSize(1);
    assertThat(leadsNamed(company)).isEqualTo(1);
  }

  @Test
  void aKeyLongerThan200CharactersIsA400ProblemNamingTheHeader() {
    String company = marker();

    assertThat(invalidFields(create(withKey("k".repeat(201)), "{\"companyName\":\"" + company + "\"}")))
        .containsExactly("Idempotency-Key");
    assertThat(leadsNamed(company)).isZero();
  }

  @Test
  void aKeyOf200CharactersIsAccepted() {
    String key = UUID.randomUUID() + "k".repeat(164);
    assertThat(key).hasSize(200);

    assertThat(create(withKey(key), "{\"companyName\":\"" + marker() + "\"}").statusCode()).isEqualTo(201);
  }

  // --- Actions -------------------------------------------------------------------------------

  @Test
  void repeatingADisqualifyWithItsKeyAnswersTheFirstResultInsteadOfAConflict() {
    String id = Leads.newLead();
    String key = newKey();
    String body = "{\"reason\":\"Lost\",\"note\":\"Went quiet\"}";

    ExtractableResponse<Response> first = disqualify(withKey(key), id, body);
    ExtractableResponse<Response> repeat = disqualify(withKey(key), id, body);

    assertThat(succeeded(first).header(REPLAYED)).isNull();
    assertThat(repeat.statusCode()).as(repeat.body().asString()).isEqualTo(200);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(repeat.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
    assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(Leads.version(id)).isEqualTo(1);
    assertThat(history(id).<List<String>>path("items.action")).containsExactly("disqualified", "created");
  }

  @Test
  void reusingADisqualifyKeyWithAnotherReasonIsA422Problem() {
    String id = Leads.newLead();
    String key = newKey();
    succeeded(disqualify(withKey(key), id, "{\"reason\":\"Lost\"}"));

    problem(disqualify(withKey(key), id, "{\"reason\":\"Canceled\"}"), 422);

    assertThat(get(id).<String>path("statusReason")).isEqualTo("Lost");
  }

  @Test
  void aKeyIsScopedToTheLeadItActsOn() {
    String key = newKey();
    String first = Leads.newLead();
    String second = Leads.newLead();

    succeeded(disqualify(withKey(key), first, "{\"reason\":\"Lost\"}"));
    ExtractableResponse<Response> other = disqualify(withKey(key), second, "{\"reason\":\"Lost\"}");

    assertThat(succeeded(other).header(REPLAYED)).isNull();
    assertThat(other.<String>path("id")).isEqualTo(second);
    assertThat(get(second).<String>path("state")).isEqualTo("Disqualified");
  }

  @Test
  void repeatingMarkContactedWithItsKeyAnswersTheFirstResult() {
    String id = Leads.newLead();
    String key = newKey();

    ExtractableResponse<Response> first = markContacted(withKey(key), id);
    ExtractableResponse<Response> repeat = markContacted(withKey(key), id);

    assertThat(first.statusCode()).as(first.body().asString()).isEqualTo(200);
    assertThat(repeat.statusCode()).as(repeat.body().asString()).isEqualTo(200);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(repeat.<String>path("statusReason")).isEqualTo("Contacted");
    assertThat(Leads.version(id)).isEqualTo(1);
  }

  @Test
  void repeatingAReactivateWithItsKeyAnswersTheFirstResult() {
    String id = Leads.leadWithStatus("Cannot Contact");
    String key = newKey();

    ExtractableResponse<Response> first = reactivate(withKey(key), id, "{\"note\":\"Back\"}");
    ExtractableResponse<Response> repeat = reactivate(withKey(key), id, "{\"note\":\"Back\"}");

    assertThat(succeeded(first).<String>path("statusReason")).isEqualTo("New");
    assertThat(repeat.statusCode()).as(repeat.body().asString()).isEqualTo(200);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(Leads.version(id)).isEqualTo(2);
  }

  @Test
  void aRefusedActionKeepsNoAnswerSoItsKeyCanBeUsedOnceTheLeadAllowsIt() {
    String id = Leads.leadWithStatus("Lost");
    String key = newKey();
    problem(disqualify(withKey(key), id, "{\"reason\":\"Canceled\"}"), 409);
    succeeded(reactivate(id));

    ExtractableResponse<Response> retried = disqualify(withKey(key), id, "{\"reason\":\"Canceled\"}");

    assertThat(succeeded(retried).header(REPLAYED)).isNull();
    assertThat(retried.<String>path("statusReason")).isEqualTo("Canceled");
  }

  // --- Activities ----------------------------------------------------------------------------

  @Test
  void repeatingAnActivityWithItsKeyLogsItOnce() {
    String id = Leads.newLead();
    String key = newKey();

    ExtractableResponse<Response> first = logActivity(withKey(key), id, Leads.COMPLETED_CALL);
    ExtractableResponse<Response> repeat = logActivity(withKey(key), id, Leads.COMPLETED_CALL);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(repeat.statusCode()).isEqualTo(201);
    assertThat(repeat.header(REPLAYED)).isEqualTo("true");
    assertThat(repeat.<String>path("id")).isEqualTo(first.<String>path("id"));
    assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    assertThat(activities(id, Map.of()).<Integer>path("total")).isEqualTo(1);
    assertThat(Leads.version(id)).isEqualTo(1);
  }

  @Test
  void reusingAnActivityKeyForAnotherActivityIsA422Problem() {
    String id = Leads.newLead();
    String key = newKey();
    succeeded(logActivity(withKey(key), id, Leads.NOTE));

    problem(logActivity(withKey(key), id, "{\"type\":\"Note\",\"subject\":\"Something else\"}"), 422);

    assertThat(activities(id, Map.of()).<Integer>path("total")).isEqualTo(1);
  }
}
