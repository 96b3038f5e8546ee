package org.leadflow.lead.enrichment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP company data provider against a real HTTP server standing in for it ({@link
 * CompanyDataStub}): up, the lead's empty fields are filled; down or slow, the lead stays as it is,
 * the lookup is recorded as failed and retried later, the circuit opens, and nothing answers 5xx.
 */
@QuarkusTest
@TestProfile(EnrichmentProviderTest.WithStubProvider.class)
class EnrichmentProviderTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String BASE = "/api/v1/leads";
  private static final HttpClient STUB_CLIENT = HttpClient.newHttpClient();

  /** The stub as the provider; short timeouts, a circuit breaker that opens after 4 calls, quick retries. */
  public static class WithStubProvider implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(CompanyDataStub.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      Path disposable;
      try {
        disposable = Files.createTempFile("disposable-domains", ".txt");
        Files.writeString(disposable, "# the tests' own list\nthrowaway.example\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Map.ofEntries(
          Map.entry("leadflow.enrichment.disposable-domains-file", disposable.toString()),
          Map.entry("leadflow.enrichment.lists-check-interval", "1s"),
          Map.entry("leadflow.enrichment.fill-empty-fields", "true"),
          Map.entry("leadflow.enrichment.provider.timeout", "400ms"),
          Map.entry("leadflow.enrichment.provider.retries", "1"),
          Map.entry("leadflow.enrichment.provider.retry-delay", "20ms"),
          Map.entry("leadflow.enrichment.provider.circuit-breaker-request-volume", "4"),
          Map.entry("leadflow.enrichment.provider.circuit-breaker-delay", "2s"),
          Map.entry("leadflow.enrichment.provider.retry-interval", "1s"),
          Map.entry("leadflow.enrichment.provider.retry-backoff", "1s"),
          Map.entry("leadflow.enrichment.provider.retry-max-backoff", "2s"),
          Map.entry("leadflow.enrichment.provider.max-attempts", "100"));
    }
  }

  @ConfigProperty(name = "leadflow.enrichment.provider.url")
  String stub;

  @ConfigProperty(name = "leadflow.enrichment.disposable-domains-file")
  String disposableDomains;

  @BeforeEach
  void providerIsUpAndItsCircuitClosed() {
    mode("up");
    // A lead found proves the circuit closed again (its delay passed, the trial call succeeded).
    await().atMost(PATIENCE).until(() -> {
      String id = created("{\"lastName\":\"Probe\",\"email\":\"probe@" + domain() + "\"}");
      return await().atMost(PATIENCE).until(() -> providerStatus(id), status -> !status.equals("pending")).equals("found");
    });
  }

  @Test
  void withTheProviderUpTheLeadsEmptyFieldsAreFilledFromItsCompanyDataAndAFieldAPersonEnteredIsKept() {
    String domain = domain();
    String id = created("{\"lastName\":\"Diesel\",\"email\":\"rudolf@" + domain + "\",\"industry\":\"Automotive\"}");

    await().atMost(PATIENCE).until(() -> "found".equals(providerStatus(id)));

    JsonPath enrichment = enrichment(id);
    assertThat(enrichment.getString("provider.domain")).isEqualTo(domain);
    assertThat(enrichment.getString("facts.industry.value")).isEqualTo("Manufacturing");
    assertThat(enrichment.getString("facts.industry.source")).isEqualTo("provider");
    assertThat(enrichment.getInt("facts.numberOfEmployees.value")).isEqualTo(1200);
    assertThat(enrichment.getString("facts.companyCountry.value")).isEqualTo("DE");
    JsonPath lead = lead(id);
    assertThat(lead.getString("industry")).isEqualTo("Automotive");
    assertThat(lead.getString("companyName")).isEqualTo("Stub Industries " + domain);
    assertThat(lead.getInt("numberOfEmployees")).isEqualTo(1200);
    assertThat(lead.getString("annualRevenue.amount")).isEqualTo("250000000.00");
    assertThat(lead.getString("annualRevenue.currency")).isEqualTo("EUR");
    assertThat(lead.getString("country")).isEqualTo("DE");
    assertThat(lead.getString("website")).isEqualTo("https://" + domain);
  }

  @Test
  void aDomainTheProviderDoesNotKnowIsRecordedAsNotFoundAndNotAskedAgain() {
    String id = created("{\"lastName\":\"Nobody\",\"email\":\"x@unknown-" + domain() + "\"}");

    await().atMost(PATIENCE).until(() -> "not-found".equals(providerStatus(id)));
    int lookups = lookups();
    given().contentType("application/merge-patch+json").body("{\"jobTitle\":\"CFO\"}").patch(BASE + "/{id}", id).then().statusCode(200);
    await().atMost(PATIENCE).until(() -> "C-Level".equals(enrichment(id).getString("seniority")));

    assertThat(lookups()).isEqualTo(lookups);
    assertThat(lead(id).getString("industry")).isNull();
  }

  @Test
  void withTheProviderDownTheLeadStaysAsItIsTheLookupIsRetriedTheCircuitOpensAndNothingAnswers5xx() {
    mode("down");
    String first = created("{\"lastName\":\"Down\",\"email\":\"a@" + domain() + "\"}");

    await().atMost(PATIENCE).until(() -> "failed".equals(providerStatus(first)));
    JsonPath failed = enrichment(first);
    assertThat(failed.getString("provider.lastError")).isNotBlank();
    assertThat(failed.getString("provider.nextAttemptAt")).isNotNull();
    assertThat(failed.getString("emailDomain")).as("the built-in enrichers ran all the same").isNotNull();
    assertThat(lead(first).getString("industry")).isNull();
    await().atMost(PATIENCE).until(() -> enrichment(first).getInt("provider.attempts") >= 2);

    // Enough failures open the circuit: lookups fail at once, without reaching the provider.
    await().atMost(PATIENCE).until(() -> {
      String another = created("{\"lastName\":\"Down\",\"email\":\"b@" + domain() + "\"}");
      String reason = await().atMost(PATIENCE).until(() -> enrichment(another).getString("provider.lastError"), error -> error != null);
      return reason.contains("circuit breaker open");
    });
    given().get(BASE + "/{id}", first).then().statusCode(200);
    given().get(BASE).then().statusCode(200);

    mode("up");
    await().atMost(PATIENCE).until(() -> "found".equals(providerStatus(first)));
    assertThat(lead(first).getString("industry")).isEqualTo("Manufacturing");
  }

  @Test
  void aSlowProviderTimesOutWithoutHoldingUpTheRequestAndIsAskedAgainLater() {
    mode("slow");
    String id =
        given().contentType(ContentType.JSON).body("{\"lastName\":\"Slow\",\"email\":\"s@" + domain() + "\"}")
            .post(BASE).then().statusCode(201).time(lessThan(2_000L)).extract().path("id");

    await().atMost(PATIENCE).until(() -> "failed".equals(providerStatus(id)));
    assertThat(enrichment(id).getString("provider.lastError")).isIn("timed out", "circuit breaker open: the provider failed too often lately");

    mode("up");
    await().atMost(PATIENCE).until(() -> "found".equals(providerStatus(id)));
  }

  @Test
  void aRerunAsksTheProviderAgainWhateverItAnsweredBefore() {
    String id = created("{\"lastName\":\"Rerun\",\"email\":\"r@" + domain() + "\"}");
    await().atMost(PATIENCE).until(() -> "found".equals(providerStatus(id)));
    int before = lookups();

    given().post(BASE + "/{id}/enrichment", id).then().statusCode(202);

    await().atMost(PATIENCE).until(() -> lookups() > before && "found".equals(providerStatus(id)));
  }

  @Test
  void theDisposableDomainsComeFromTheConfiguredFileAndAnEditOfItIsPickedUp() throws IOException {
    String listed = created("{\"lastName\":\"Listed\",\"email\":\"x@throwaway.example\"}");
    String burner = "burner" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    String notYet = created("{\"lastName\":\"NotYet\",\"email\":\"x@" + burner + "\"}");
    await().atMost(PATIENCE).until(() -> enrichment(listed).get("disposableEmail") != null && enrichment(notYet).get("disposableEmail") != null);
    assertThat(enrichment(listed).getBoolean("disposableEmail")).isTrue();
    assertThat(enrichment(notYet).getBoolean("disposableEmail")).isFalse();
    assertThat(enrichment(listed).getString("provider.status")).isEqualTo("no-domain");

    Files.writeString(Path.of(disposableDomains), burner + "\n", StandardOpenOption.APPEND);

    await().atMost(PATIENCE).until(() -> {
      String later = created("{\"lastName\":\"Later\",\"email\":\"y@" + burner + "\"}");
      return await().atMost(PATIENCE).until(() -> enrichment(later).get("disposableEmail"), flag -> flag != null).equals(true);
    });
  }

  private static String domain() {
    return "co" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + ".example";
  }

  private static String created(String json) {
    return given().contentType(ContentType.JSON).body(json).post(BASE).then().statusCode(201).extract().path("id");
  }

  private static JsonPath lead(String id) {
    return given().get(BASE + "/{id}", id).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath enrichment(String id) {
    return given().get(BASE + "/{id}/enrichment", id).then().statusCode(200).extract().jsonPath();
  }

  private static String providerStatus(String id) {
    return enrichment(id).getString("provider.status");
  }

  private void mode(String mode) {
    assertThat(stub(HttpRequest.newBuilder(URI.create(stub + "/__mode/" + mode)).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
  }

  private int lookups() {
    return Integer.parseInt(stub(HttpRequest.newBuilder(URI.create(stub + "/__lookups")).GET()).body());
  }

  private static HttpResponse<String> stub(HttpRequest.Builder request) {
    try {
      return STUB_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
