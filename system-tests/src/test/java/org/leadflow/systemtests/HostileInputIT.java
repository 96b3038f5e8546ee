package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.systemtests.hostile.DatabaseFingerprint;
import org.leadflow.systemtests.hostile.HostileCase;
import org.leadflow.systemtests.hostile.HostileCases;
import org.leadflow.systemtests.hostile.HostileReport;
import org.leadflow.systemtests.hostile.HostileRun;
import org.leadflow.systemtests.hostile.PublishedApi;
import org.leadflow.systemtests.hostile.Targets;

/**
 * Issue 12's "no input of any kind gives a 5xx": hostile requests generated from the published
 * OpenAPI documents, so that every operation, parameter and body member of both services is tried,
 * new ones included, against both packaged services. See system-tests/README.md.
 */
class HostileInputIT {

  private static final int FEWEST_REQUESTS = 2_000;
  private static final String OWNER = "hostile-owner";

  @Test
  void noHostileInputGetsAServerErrorOrAnErrorThatIsNotProblemJsonOrChangesDataWhenRefusedOrChangesTheValueWhenAccepted() throws IOException {
    Infrastructure infrastructure = SharedInfrastructure.get();
    BothServices services = BothServices.shared(infrastructure);
    Path checkout = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    List<HostileCase> cases = new ArrayList<>();
    PublishedApi leadApi = null;
    for (LeadflowService service : LeadflowService.values()) {
      PublishedApi api = PublishedApi.read(checkout, service);
      cases.addAll(new HostileCases(api.schemas()).of(api.operations()));
      if (service == LeadflowService.LEAD_SERVICE) {
        leadApi = api;
      }
    }

    HostileReport report = new HostileReport();
    Targets targets = new Targets(http, service -> services.uri(service, "/"), TestTokens.seller(OWNER), TestTokens.salesManager("hostile-fixture-reader"), leadApi.operations());
    long started = System.nanoTime();
    try (DatabaseFingerprint databases = new DatabaseFingerprint(infrastructure, List.of(LeadflowService.LEAD_SERVICE.database(), LeadflowService.OPPORTUNITY_SERVICE.database()))) {
      Map<String, String> beforeFixtures = databases.take();
      targets.idOf(Targets.Kind.OPEN_LEAD);
      assertThat(DatabaseFingerprint.changes(beforeFixtures, databases.take())).as("the fingerprint sees the first fixture leads written").isNotEmpty();
      HostileRun run = new HostileRun(http, service -> services.uri(service, "/"), targets, databases, report, OWNER);
      cases.forEach(run::send);
    } finally {
      restoreSharedSettings(http, services);
    }
    report.finished((System.nanoTime() - started) / 1_000_000, targets.created());

    String full = report.full();
    System.out.println(full);
    Path written = checkout.resolve("system-tests/target/hostile-input-report.txt");
    Files.createDirectories(written.getParent());
    Files.writeString(written, full);

    assertThat(report.requests()).as("hostile requests sent").isGreaterThanOrEqualTo(FEWEST_REQUESTS);
    assertThat(report.failures())
        .as("failing hostile requests (all of them in %s)%s", written, report.summary(5))
        .isEmpty();
  }

  /**
   * Hostile requests an admin may make save qualification policies, duplicate rules and assignment
   * rules that other system tests, sharing the services, did not ask for: the policy without criteria
   * they start with, duplicate rules that only warn, and no assignment rules come back into force.
   */
  private static void restoreSharedSettings(HttpClient http, BothServices services) throws IOException {
    put(http, services, "/api/v1/qualification-policy", "{\"criteria\": [], \"note\": \"Back to no criteria after the hostile-input suite\"}");
    put(
        http,
        services,
        "/api/v1/duplicate-rules",
        "{\"rules\": [{\"rule\": \"email\", \"mode\": \"warn\"}, {\"rule\": \"phone\", \"mode\": \"warn\"},"
            + " {\"rule\": \"similar-name\", \"mode\": \"warn\"}, {\"rule\": \"email-domain-and-last-name\", \"mode\": \"warn\"}]}");
    put(http, services, "/api/v1/assignment-rules", "{\"rules\": []}");
  }

  private static void put(HttpClient http, BothServices services, String path, String body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(services.uri(LeadflowService.LEAD_SERVICE, path))
            .header("Authorization", "Bearer " + TestTokens.admin("hostile-cleanup"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
