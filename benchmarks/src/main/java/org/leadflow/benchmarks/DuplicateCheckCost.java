package org.leadflow.benchmarks;

import io.vertx.core.http.HttpClient;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.leadflow.devstack.run.DemoLeadRequests;
import org.leadflow.devstack.run.LeadflowService;

/**
 * What duplicate detection adds to {@code POST /api/v1/leads} on a large table: the same creates at
 * the same rate with every duplicate rule off, then with every rule on (warn: the check runs in full,
 * the lead is created and its candidates counted in a header).
 */
final class DuplicateCheckCost {

  static final List<String> RULES = List.of("email", "phone", "similar-name", "email-domain-and-last-name");

  private static final java.net.http.HttpClient ADMIN_CLIENT = java.net.http.HttpClient.newHttpClient();

  private final HttpLoad load;
  private final Stack stack;
  private final List<String> bodies = DemoLeadRequests.json(4_000, 20_261_129L);
  private long next;

  DuplicateCheckCost(HttpLoad load, Stack stack) {
    this.load = load;
    this.stack = stack;
  }

  /** Sets every duplicate rule to {@code mode} (off, warn or block) as an admin would. */
  void allRules(String mode) {
    String body =
        RULES.stream()
            .map(rule -> "{\"rule\":\"" + rule + "\",\"mode\":\"" + mode + "\"}")
            .collect(Collectors.joining(",", "{\"rules\":[", "]}"));
    HttpRequest request =
        HttpRequest.newBuilder(stack.uri(LeadflowService.LEAD_SERVICE, "/api/v1/duplicate-rules"))
            .header("Authorization", "Bearer " + stack.adminToken())
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> answer = ADMIN_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("PUT /api/v1/duplicate-rules answered " + answer.statusCode() + ": " + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not set the duplicate rules", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Creates demo leads at a fixed rate (each body once per 4,000 creates; they are only warned of). */
  Measurement create(double perSecond, Duration warmUp, Duration duration) {
    HttpClient client = load.client(stack.port(LeadflowService.LEAD_SERVICE), 32);
    return load.fixedRate(
        "POST /api/v1/leads at " + (int) perSecond + "/s",
        client,
        perSecond,
        warmUp,
        duration,
        index -> Request.postJson("/api/v1/leads", bodies.get((int) (next++ % bodies.size()))),
        status -> status == 201,
        (index, reply, at) -> {});
  }
}
