package org.leadflow.lead.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadflow.lead.api.Leads.BASE;
import static org.leadflow.lead.api.Leads.succeeded;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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

/**
 * Enrichment without a company data provider (the default), filling empty fields
 * ({@code leadflow.enrichment.fill-empty-fields}, off by default: {@link EnrichmentFactsOnlyTest}): the
 * built-in enrichers run after create and edit, asynchronously, fill only what a person left empty,
 * and say where each fact came from.
 */
@QuarkusTest
@TestProfile(LeadEnrichmentTest.FillingEmptyFields.class)
class LeadEnrichmentTest {

  /** Enrichment fills the empty fields a person never set. */
  public static class FillingEmptyFields implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.enrichment.fill-empty-fields", "true");
    }
  }

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @Test
  void aNewLeadIsEnrichedFromItsEmailPhoneAndJobTitleEachFactWithItsSourceAndTime() {
    String domain = Leads.marker() + ".example";
    String id = created("{\"lastName\":\"Noether\",\"email\":\"emmy@" + domain + "\",\"phone\":\"+49 30 901820\",\"jobTitle\":\"VP of Sales\"}");

    JsonPath enrichment = enriched(id);

    assertThat(enrichment.getString("emailDomain")).isEqualTo(domain);
    assertThat(enrichment.getString("websiteDomain")).isEqualTo(domain);
    assertThat(enrichment.getBoolean("freeMailEmail")).isFalse();
    assertThat(enrichment.getBoolean("disposableEmail")).isFalse();
    assertThat(enrichment.getString("phoneCountry")).isEqualTo("DE");
    assertThat(enrichment.getString("seniority")).isEqualTo("VP");
    assertThat(enrichment.getString("department")).isEqualTo("Sales");
    assertThat(enrichment.getString("facts.websiteDomain.source")).isEqualTo("email");
    assertThat(enrichment.getString("facts.country.source")).isEqualTo("phone");
    assertThat(enrichment.getString("facts.seniority.source")).isEqualTo("jobTitle");
    assertThat(enrichment.getString("facts.seniority.enrichedAt")).isNotBlank();
    assertThat(enrichment.getString("provider.status")).isEqualTo("not-configured");
    assertThat(enrichment.<String, Object>getMap("filled")).containsEntry("website", "https://" + domain).containsEntry("country", "DE");

    JsonPath lead = succeeded(Leads.get(id)).jsonPath();
    assertThat(lead.getString("website")).isEqualTo("https://" + domain);
    assertThat(lead.getString("country")).isEqualTo("DE");
    assertThat(lead.getString("enrichment.seniority")).isEqualTo("VP");
    JsonPath history = succeeded(Leads.history(id)).jsonPath();
    assertThat(history.getList("items.findAll { it.actor.id == 'enrichment' }.action", String.class)).containsExactly("updated");
  }

  @Test
  void freeMailAndDisposableAddressesAreFlaggedAndNeverTakenForACompanyDomain() {
    String freeMail = created("{\"lastName\":\"Gmail\",\"email\":\"someone." + Leads.marker() + "@gmail.com\"}");
    String disposable = created("{\"lastName\":\"Throwaway\",\"email\":\"x" + Leads.marker() + "@mailinator.com\"}");

    JsonPath free = enriched(freeMail);
    JsonPath throwaway = enriched(disposable);

    assertThat(free.getBoolean("freeMailEmail")).isTrue();
    assertThat(free.getString("websiteDomain")).isNull();
    assertThat(throwaway.getBoolean("disposableEmail")).isTrue();
    assertThat(throwaway.getString("websiteDomain")).isNull();
    assertThat(succeeded(Leads.get(disposable)).<String>path("website")).isNull();
    assertThat(listed(Map.of("disposableEmail", true, "q", "Throwaway"))).contains(disposable).doesNotContain(freeMail);
    assertThat(listed(Map.of("freeMailEmail", true, "q", "Gmail"))).contains(freeMail).doesNotContain(disposable);
  }

  @Test
  void aCountryNamedInAnAttributeIsReadAsItsIsoCodeAndFillsTheEmptyCountry() {
    String id = created("{\"lastName\":\"Imported\",\"attributes\":{\"country\":\"Deutschland\"}}");

    assertThat(enriched(id).getString("facts.country.source")).isEqualTo("attributes.country");
    assertThat(succeeded(Leads.get(id)).<String>path("country")).isEqualTo("DE");
  }

  @Test
  void aValueAPersonEnteredIsNeverOverwritten() {
    String id = created("{\"lastName\":\"Curie\",\"country\":\"FR\",\"phone\":\"+49 30 901820\",\"website\":\"https://curie.example\",\"email\":\"marie@radium.example\"}");

    JsonPath enrichment = enriched(id);

    assertThat(enrichment.getString("facts.country.value")).isEqualTo("DE");
    assertThat(enrichment.getString("websiteDomain")).isEqualTo("curie.example");
    assertThat(enrichment.<String, Object>getMap("filled")).isEmpty();
    JsonPath lead = succeeded(Leads.get(id)).jsonPath();
    assertThat(lead.getString("country")).isEqualTo("FR");
    assertThat(lead.getString("website")).isEqualTo("https://curie.example");
  }

  @Test
  void aFieldAPersonChangedAfterEnrichmentFilledItIsTheirsAndIsNotFilledAgain() {
    String id = created("{\"lastName\":\"Meitner\",\"phone\":\"+49 30 901820\"}");
    await().atMost(PATIENCE).until(() -> "DE".equals(succeeded(Leads.get(id)).path("country")));

    succeeded(Leads.patch(id, "{\"country\":\"AT\"}"));
    succeeded(Leads.patch(id, "{\"phone\":\"+44 20 7946 0123\"}"));

    await().atMost(PATIENCE).until(() -> "GB".equals(enrichment(id).getString("phoneCountry")));
    assertThat(enrichment(id).getList("personOwned", String.class)).containsExactly("country");
    assertThat(succeeded(Leads.get(id)).<String>path("country")).isEqualTo("AT");

    succeeded(Leads.patch(id, "{\"country\":null}"));
    succeeded(Leads.patch(id, "{\"jobTitle\":\"Head of Research\"}"));
    await().atMost(PATIENCE).until(() -> "Director".equals(enrichment(id).getString("seniority")));
    assertThat(succeeded(Leads.get(id)).<String>path("country")).isNull();
  }

  @Test
  void aBouncedEmailIsFlaggedUntilTheEmailChanges() {
    String id = created("{\"lastName\":\"Bounce\",\"email\":\"gone@" + Leads.marker() + ".example\"}");
    enriched(id);

    succeeded(Leads.logActivity(id, "{\"type\":\"Email\",\"subject\":\"Intro\",\"direction\":\"Outbound\",\"outcome\":\"Bounced\"}"));
    await().atMost(PATIENCE).until(() -> enrichment(id).getBoolean("emailBounced"));
    assertThat(enrichment(id).getString("facts.emailBounced.source")).isEqualTo("activity");
    assertThat(listed(Map.of("emailBounced", true, "q", "Bounce"))).contains(id);

    succeeded(Leads.patch(id, "{\"email\":\"new@" + Leads.marker() + ".example\"}"));
    await().atMost(PATIENCE).until(() -> !enrichment(id).getBoolean("emailBounced"));
  }

  @Test
  void enrichingPublishesOneUpdatedAndOneEnrichedEventAndStartsNoFurtherEnrichment() {
    try (TopicReader reader = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), EventTopics.LEAD_EVENTS)) {
      String id = created("{\"lastName\":\"Loop\",\"email\":\"loop@" + Leads.marker() + ".example\",\"jobTitle\":\"CTO\"}");
      enriched(id);
      // An event after enrichment's: any event enrichment started would be on the partition before it.
      succeeded(Leads.logActivity(id, Leads.NOTE));

      // Scoring's own events (docs/scoring.md) follow the lead's and are not enrichment's.
      List<TopicReader.Event> events =
          reader.await(event -> id.equals(event.key()) && !LeadEventTypes.SCORED.equals(event.header(CloudEventHeaders.TYPE)), 4, PATIENCE);

      assertThat(events)
          .extracting(event -> event.header(CloudEventHeaders.TYPE))
          .containsExactly("leadflow.lead.created.v1", "leadflow.lead.updated.v1", "leadflow.lead.enriched.v1", "leadflow.lead.activity-logged.v1");
      events.forEach(EventContract::assertValid);
      JsonPath updated = JsonPath.from(events.get(1).value());
      assertThat(updated.getString("updatedBy")).isEqualTo("enrichment");
      assertThat(updated.getList("changes.field", String.class)).containsExactly("website");
      JsonPath enrichedEvent = JsonPath.from(events.get(2).value());
      assertThat(enrichedEvent.getString("facts.seniority.value")).isEqualTo("C-Level");
      assertThat(enrichedEvent.getList("filled.field", String.class)).containsExactly("website");
    }
  }

  @Test
  void aRerunIsAcceptedAndCarriedOutInTheBackground() {
    String id = created("{\"lastName\":\"Again\",\"jobTitle\":\"Accountant\"}");
    enriched(id);

    JsonPath accepted = given().post(BASE + "/{id}/enrichment", id).then().statusCode(202).extract().jsonPath();

    assertThat(accepted.getString("provider.status")).isEqualTo("pending");
    await().atMost(PATIENCE).until(() -> "not-configured".equals(enrichment(id).getString("provider.status")));
    assertThat(enrichment(id).getString("department")).isEqualTo("Finance");
  }

  @Test
  void theAnswerToACreateDoesNotWaitForEnrichment() {
    JsonPath created =
        given().contentType(ContentType.JSON).body("{\"lastName\":\"Quick\",\"email\":\"q@" + Leads.marker() + ".example\"}")
            .post(BASE).then().statusCode(201).extract().jsonPath();

    assertThat(created.getString("website")).isNull();
    assertThat(created.getMap("enrichment")).isNull();
    enriched(created.getString("id"));
  }

  static String created(String json) {
    return succeeded(Leads.create(json)).path("id");
  }

  /** The lead's enrichment once it was enriched. */
  static JsonPath enriched(String id) {
    await().atMost(PATIENCE).until(() -> enrichment(id).getString("enrichedAt") != null);
    return enrichment(id);
  }

  static JsonPath enrichment(String id) {
    return given().get(BASE + "/{id}/enrichment", id).then().statusCode(200).extract().jsonPath();
  }

  private static List<String> listed(Map<String, ?> query) {
    return succeeded(Leads.list(query)).jsonPath().getList("items.id", String.class);
  }
}
