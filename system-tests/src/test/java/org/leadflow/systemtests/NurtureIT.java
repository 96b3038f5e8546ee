package org.leadflow.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.FreePorts;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.run.ServiceProcess;
import org.leadflow.devstack.run.ServiceReadiness;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Nurture with two lead-service instances: leads disqualified until tomorrow through the shared
 * lead-service (its clock is today's: none is due), then two more packaged lead-service processes on
 * the same database, their clocks two days ahead ({@code LEADFLOW_CLOCK_OFFSET=P2D}), both looking for
 * due leads every second (the scheduler's shortest interval), three at a time. Each lead is reactivated exactly once: one history entry,
 * one outbox row, one event on the topic.
 */
class NurtureIT {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
  private static final int LEADS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Infrastructure infrastructure;
  private static BothServices services;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token = TestTokens.salesManager("nurture-it");

  @BeforeAll
  static void startBothServices() {
    infrastructure = SharedInfrastructure.get();
    services = BothServices.shared(infrastructure);
  }

  @Test
  void twoInstancesInTheFutureReactivateEachDueLeadExactlyOnce() throws Exception {
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      String id = send("POST", "/api/v1/leads", "{\"companyName\": \"Nurtured " + i + " " + UUID.randomUUID() + "\"}", 201);
      send("POST", "/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"No Longer Interested\", \"nurtureUntil\": \"" + tomorrow + "\"}", 200);
      leads.add(id);
    }

    try (TopicReader reader = TopicReader.fromNow(infrastructure.kafkaBootstrapServers(), EventTopics.LEAD_EVENTS);
        FutureInstances future = FutureInstances.start(2)) {
      await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> countOpen(leads) == LEADS);

      Map<String, Long> historyEntries = countPerLead("SELECT lead_id, count(*) FROM lead_history WHERE action = 'reactivated' AND actor_id = 'nurture' AND lead_id = ANY (?) GROUP BY lead_id", leads);
      Map<String, Long> outboxRows = countPerLead("SELECT aggregate_id, count(*) FROM outbox_event WHERE type = '" + LeadEventTypes.REACTIVATED + "' AND aggregate_id = ANY (?) GROUP BY aggregate_id", leads);
      assertThat(historyEntries).hasSize(LEADS).allSatisfy((lead, count) -> assertThat(count).as(lead).isEqualTo(1));
      assertThat(outboxRows).hasSize(LEADS).allSatisfy((lead, count) -> assertThat(count).as(lead).isEqualTo(1));
      List<TopicReader.Event> reactivated =
          reader.await(e -> leads.contains(e.key()) && LeadEventTypes.REACTIVATED.equals(e.header(CloudEventHeaders.TYPE)), LEADS, Duration.ofSeconds(20));
      assertThat(reactivated).extracting(TopicReader.Event::key).containsExactlyInAnyOrderElementsOf(leads);
      for (TopicReader.Event event : reactivated) {
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.path("cause").asText()).isEqualTo("nurture-ended");
        assertThat(data.path("reactivatedVia").asText()).isEqualTo("system");
        assertThat(data.path("nurtureUntil").asText()).isEqualTo(tomorrow.toString());
      }
    }
  }

  private long countOpen(List<String> leads) throws Exception {
    long open = 0;
    for (String id : leads) {
      HttpResponse<String> lead = request("GET", "/api/v1/leads/" + id, null);
      if (lead.body().contains("\"state\":\"Open\"")) {
        open++;
      }
    }
    return open;
  }

  private String send(String method, String path, String body, int expected) throws Exception {
    HttpResponse<String> response = request(method, path, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    Matcher id = ID.matcher(response.body());
    return id.find() ? id.group(1) : null;
  }

  private HttpResponse<String> request(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(services.uri(LeadflowService.LEAD_SERVICE, path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Long> countPerLead(String sql, List<String> leads) throws Exception {
    try (Connection db = DriverManager.getConnection(infrastructure.jdbcUrl("leads"), infrastructure.postgresUsername(), infrastructure.postgresPassword());
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setArray(1, db.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray()));
      Map<String, Long> counts = new HashMap<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
      return counts;
    }
  }

  /** More packaged lead-service processes on the shared database and Kafka, two days in the future. */
  private static final class FutureInstances implements AutoCloseable {

    private final List<ServiceProcess> processes = new ArrayList<>();

    static FutureInstances start(int count) {
      Path checkout = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();
      String java = ProcessHandle.current().info().command().orElse("java");
      FutureInstances instances = new FutureInstances();
      try {
        for (int i = 1; i <= count; i++) {
          int port = FreePorts.find();
          Map<String, String> environment =
              new LinkedHashMap<>(LeadflowService.LEAD_SERVICE.environment(infrastructure, port, FreePorts.find(), TestTokens.verificationEnvironment()));
          environment.putAll(LeadflowService.QUALIFICATION_WITHOUT_CRITERIA);
          environment.put("LEADFLOW_CLOCK_OFFSET", "P2D");
          environment.put("LEADFLOW_NURTURE_INTERVAL", "1s");
          environment.put("LEADFLOW_NURTURE_BATCH_SIZE", "3");
          String name = "lead-service-future-" + i;
          instances.processes.add(
              ServiceProcess.start(
                  name,
                  LeadflowService.LEAD_SERVICE.command(java, checkout),
                  environment,
                  checkout.resolve("system-tests/target/service-logs/" + name + ".log"),
                  URI.create("http://localhost:" + port + LeadflowService.READINESS_PATH)));
        }
        new ServiceReadiness(HttpClient.newHttpClient(), Duration.ofSeconds(60), Duration.ofMillis(200)).awaitAll(instances.processes, () -> false);
        return instances;
      } catch (RuntimeException e) {
        instances.close();
        throw e;
      }
    }

    @Override
    public void close() {
      processes.forEach(ServiceProcess::requestStop);
      Instant deadline = Instant.now().plusSeconds(20);
      processes.forEach(process -> process.awaitStopped(deadline));
    }
  }
}
