package org.leadflow.devstack.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leadflow.devstack.tokens.TokenIssuer;

/**
 * Creates demo leads through lead-service's public API, as its clients would: an integration imports
 * them for their owners (the demo sellers), and each seller then works their own leads.
 */
final class DemoDataLoader {

  /** Enough to load quickly, few enough not to look like a load test in the service's logs. */
  static final int IN_FLIGHT = 8;

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI leadsEndpoint;
  private final PrintStream out;
  private final ObjectMapper json = new ObjectMapper();
  private final DemoCallers callers;
  /** The leads that reached Qualified's readiness (Contacted, every criterion met), with their owners. */
  private final List<DemoPipeline.ReadyLead> readyToQualify = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param leadsEndpoint lead-service's collection resource, e.g. {@code
   *     http://127.0.0.1:8080/api/v1/leads}
   */
  DemoDataLoader(HttpClient http, URI leadsEndpoint, PrintStream out, TokenIssuer tokens) {
    this.http = http;
    this.leadsEndpoint = leadsEndpoint;
    this.out = out;
    this.callers = new DemoCallers(tokens);
  }

  /**
   * Loads the leads unless lead-service has leads already: a database that has data, demo or real,
   * is left as it is.
   */
  boolean loadUnlessLeadsExist(List<DemoLead> leads) {
    long existing;
    try {
      existing = existingLeadCount();
    } catch (IOException e) {
      out.println(
          "Demo data not loaded: could not count the existing leads (" + e.getMessage() + ").");
      return false;
    }
    if (existing > 0) {
      out.println(
          "Demo data not loaded: "
              + existing
              + (existing == 1 ? " lead is" : " leads are")
              + " already there.");
      return false;
    }
    load(leads);
    return true;
  }

  /** The loaded leads meant to be Qualified, in the order of their numbers, ready for a seller to qualify. */
  List<DemoPipeline.ReadyLead> readyToQualify() {
    synchronized (readyToQualify) {
      return readyToQualify.stream().sorted(Comparator.comparingInt(DemoPipeline.ReadyLead::number)).toList();
    }
  }

  long existingLeadCount() throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(leadsEndpoint + "?size=1"))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", callers.manager())
            .GET()
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new IOException(
          "GET " + request.uri() + " answered " + response.statusCode() + " " + response.body());
    }
    JsonNode total = json.readTree(response.body()).get("total");
    if (total == null || !total.canConvertToLong()) {
      throw new IOException(
          "GET " + request.uri() + " answered without a total: " + response.body());
    }
    return total.asLong();
  }

  /** Sends every lead, reports the first failure in full and the rest as a count. */
  DemoLoadResult load(List<DemoLead> leads) {
    long started = System.nanoTime();
    AtomicBoolean failureReported = new AtomicBoolean();
    ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>(leads.size());
      for (DemoLead lead : leads) {
        outcomes.add(senders.submit(() -> create(lead, failureReported)));
      }
      int created = 0;
      for (Future<Boolean> outcome : outcomes) {
        created += outcome.get() ? 1 : 0;
      }
      DemoLoadResult result =
          new DemoLoadResult(
              created, leads.size() - created, Duration.ofNanos(System.nanoTime() - started));
      out.println(result.summary());
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while loading demo leads", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not load demo leads", e.getCause());
    } finally {
      senders.shutdownNow();
    }
  }

  private boolean create(DemoLead lead, AtomicBoolean failureReported) {
    HttpRequest request =
        HttpRequest.newBuilder(leadsEndpoint)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", callers.importer())
            // A repeated load, e.g. after an interrupted first one, must not create duplicates.
            .header("Idempotency-Key", lead.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofString(lead.request().toJson()))
            .build();
    try {
      HttpResponse<String> response = send(request);
      if (response.statusCode() / 100 == 2) {
        String id = json.readTree(response.body()).path("id").asText();
        return advance(lead, id, failureReported);
      }
      if (failureReported.compareAndSet(false, true)) {
        out.println(
            "Demo lead "
                + lead.idempotencyKey()
                + " was rejected with HTTP "
                + response.statusCode()
                + ": "
                + response.body());
      }
    } catch (IOException e) {
      if (failureReported.compareAndSet(false, true)) {
        out.println("Demo lead " + lead.idempotencyKey() + " could not be sent: " + e.getMessage());
      }
    }
    return false;
  }

  /**
   * Takes a new lead to its intended status the way a seller would: a completed call makes it
   * Contacted, a disqualification gives it its reason. Leads meant to be Qualified stay Contacted,
   * with the qualification data captured, ready for a person to qualify them.
   */
  private boolean advance(DemoLead lead, String id, AtomicBoolean failureReported) throws IOException {
    String key = lead.idempotencyKey();
    String owner = callers.seller(lead.request().ownerId());
    switch (lead.intendedStatus()) {
      case NEW:
        return true;
      case CONTACTED:
        return post(owner, id + "/activities", key + "-call", CALL_COMPLETED, failureReported);
      case QUALIFIED:
        boolean contacted = post(owner, id + "/activities", key + "-call", CALL_COMPLETED, failureReported);
        if (contacted) {
          readyToQualify.add(new DemoPipeline.ReadyLead(lead.number(), id, lead.request().ownerId()));
        }
        return contacted;
      case CANNOT_CONTACT:
        return post(owner, id + "/activities", key + "-call", CALL_NO_ANSWER, failureReported)
            && post(owner, id + "/disqualify", key + "-disqualify", disqualification(lead), failureReported);
      default:
        return post(owner, id + "/activities", key + "-call", CALL_COMPLETED, failureReported)
            && post(owner, id + "/disqualify", key + "-disqualify", disqualification(lead), failureReported);
    }
  }

  private static final String CALL_COMPLETED =
      "{\"type\":\"Phone Call\",\"subject\":\"Intro call\",\"direction\":\"Outbound\",\"outcome\":\"Completed\"}";
  private static final String CALL_NO_ANSWER =
      "{\"type\":\"Phone Call\",\"subject\":\"Intro call\",\"direction\":\"Outbound\",\"outcome\":\"No Answer\"}";

  private static String disqualification(DemoLead lead) {
    String reason =
        switch (lead.intendedStatus()) {
          case LOST -> "Lost";
          case CANNOT_CONTACT -> "Cannot Contact";
          case NO_LONGER_INTERESTED -> "No Longer Interested";
          default -> "Canceled";
        };
    return "{\"reason\":\"" + reason + "\",\"note\":\"Demo data\"}";
  }

  private boolean post(
      String authorization, String path, String idempotencyKey, String body, AtomicBoolean failureReported)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(leadsEndpoint + "/" + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", authorization)
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() / 100 == 2) {
      return true;
    }
    if (failureReported.compareAndSet(false, true)) {
      out.println("POST " + request.uri() + " was rejected with HTTP " + response.statusCode() + ": " + response.body());
    }
    return false;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted", e);
    }
  }

  /** How a load went. */
  record DemoLoadResult(int created, int failed, Duration duration) {

    String summary() {
      String summary =
          String.format(
              Locale.ROOT, "Loaded %d demo leads in %.1f s", created, duration.toMillis() / 1000.0);
      return failed == 0
          ? summary
          : summary + "; " + failed + " failed (the first failure is shown above)";
    }
  }
}
