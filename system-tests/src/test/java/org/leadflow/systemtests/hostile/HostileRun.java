package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.systemtests.hostile.HostileReport.Check;

/**
 * Sends hostile requests one at a time and checks each answer: nothing ≥ 500; every error answer
 * problem+json; a refused request leaves both databases as they were; an accepted one does not
 * change the value it was sent. Failures are collected, never thrown, so that one run finds them all.
 */
public final class HostileRun {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(30);
  /** The roles a hostile request acts as, first allowed first: a sales manager may act on every record. */
  private static final List<String> PREFERRED_ROLES = List.of("sales-manager", "seller", "admin", "integration");

  private final HttpClient http;
  private final Function<LeadflowService, URI> services;
  private final Targets targets;
  private final DatabaseFingerprint databases;
  private final HostileReport report;
  private final String owner;
  /** The fingerprint after the last request, and how many fixture leads existed then: the next request's "before" if none was made since. */
  private Map<String, String> lastFingerprint;
  private int fixturesAtLastFingerprint = -1;

  /** @param owner the seller who owns the target records; requests that only a seller may make act as them */
  public HostileRun(HttpClient http, Function<LeadflowService, URI> services, Targets targets, DatabaseFingerprint databases, HostileReport report, String owner) {
    this.http = http;
    this.services = services;
    this.targets = targets;
    this.databases = databases;
    this.report = report;
    this.owner = owner;
  }

  public void send(HostileCase hostileCase) {
    Targets.Kind kind = Targets.kindOf(hostileCase.operation());
    String target = timed("making fixtures", () -> targets.idOf(kind));
    Map<String, String> before = targets.created() == fixturesAtLastFingerprint ? lastFingerprint : timed("fingerprinting", databases::take);
    Optional<HttpResponse<String>> answer = timed("sending requests", () -> exchange(hostileCase, target));
    Map<String, String> after = timed("fingerprinting", databases::take);
    lastFingerprint = after;
    fixturesAtLastFingerprint = targets.created();
    int status = answer.map(HttpResponse::statusCode).orElse(0);
    report.answered(hostileCase, status);
    String path = hostileCase.path(target);
    if (answer.isEmpty()) {
      report.failed(Check.NO_ANSWER, hostileCase, path, 0, null, null);
      return;
    }
    HttpResponse<String> response = answer.get();
    if (status >= 500) {
      report.failed(Check.SERVER_ERROR, hostileCase, path, status, null, response.body());
    }
    if (status >= 400) {
      String problem = problemJsonFault(response);
      if (problem != null) {
        report.failed(Check.NOT_PROBLEM_JSON, hostileCase, path, status, problem, response.body());
      }
    }
    if (status >= 400 && status < 500) {
      if (!DatabaseFingerprint.changes(before, after).isEmpty()) {
        timed("confirming changes", () -> {
          confirmWrite(hostileCase, kind);
          return null;
        });
        fixturesAtLastFingerprint = -1;
      }
    }
    if (status >= 200 && status < 300) {
      if (hostileCase.mustRefuseBecause() != null) {
        report.failed(Check.ACCEPTED_FORBIDDEN, hostileCase, path, status, hostileCase.mustRefuseBecause(), response.body());
      }
      if (hostileCase.echo() != null && hostileCase.mustRefuseBecause() == null) {
        timed("reading accepted values back", () -> {
          checkEcho(hostileCase, path, response);
          return null;
        });
      }
      if (!hostileCase.operation().reads()) {
        timed("making fixtures", () -> {
          targets.accepted(kind);
          return null;
        });
      }
    }
  }

  /**
   * The databases changed around a refused request. Conversions run in the background (through
   * Kafka), so wait until both databases are quiet and send the same request again, to a fresh
   * record of the same kind: only a change that happens again is the request's.
   */
  private void confirmWrite(HostileCase hostileCase, Targets.Kind kind) {
    targets.changed(kind);
    String target = targets.idOf(kind);
    awaitQuiet();
    Map<String, String> before = databases.take();
    Optional<HttpResponse<String>> answer = exchange(hostileCase, target);
    List<String> changes = DatabaseFingerprint.changes(before, databases.take());
    int status = answer.map(HttpResponse::statusCode).orElse(0);
    if (!changes.isEmpty() && status >= 400 && status < 500) {
      report.failed(Check.REFUSED_BUT_WROTE, hostileCase, hostileCase.path(target), status, "changed " + String.join(", ", changes), answer.get().body());
    } else {
      report.backgroundChange();
    }
  }

  private <T> T timed(String phase, Supplier<T> work) {
    long started = System.nanoTime();
    try {
      return work.get();
    } finally {
      report.spent(phase, System.nanoTime() - started);
    }
  }

  /** Until the fingerprints stay the same for 200 ms. */
  private void awaitQuiet() {
    AtomicReference<Map<String, String>> last = new AtomicReference<>(databases.take());
    AtomicInteger unchanged = new AtomicInteger();
    Awaitility.await("both databases quiet")
        .atMost(QUIET_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> {
          Map<String, String> now = databases.take();
          unchanged.set(now.equals(last.getAndSet(now)) ? unchanged.get() + 1 : 0);
          return unchanged.get() >= 4;
        });
  }

  private Optional<HttpResponse<String>> exchange(HostileCase hostileCase, String target) {
    HttpRequest request = withFormKey(
        hostileCase, target, hostileCase.request(services.apply(hostileCase.operation().service()), target, tokenFor(hostileCase.operation()), ANSWER_TIMEOUT));
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A web form's capture endpoint takes the form's key, which the document cannot know: the key's
   * documented sample is replaced by the fixture form's real key, so that the hostile request reaches
   * the form (unless the case is about the key itself, whose hostile value stays).
   */
  private HttpRequest withFormKey(HostileCase hostileCase, String target, HttpRequest request) {
    String key = targets.keyOf(target);
    if (key == null || hostileCase.location().equals("query key") || hostileCase.shape().pathValues().containsKey("formId")) {
      return request;
    }
    String uri = request.uri().toString().replaceFirst("([?&])key=[^&]*", "$1key=" + key);
    return HttpRequest.newBuilder(request, (name, value) -> true).uri(java.net.URI.create(uri)).build();
  }

  private String tokenFor(ApiOperation operation) {
    String role = PREFERRED_ROLES.stream().filter(operation.roles()::contains).findFirst()
        .orElse(operation.roles().isEmpty() ? "sales-manager" : operation.roles().get(0));
    return role.equals("seller") ? TestTokens.seller(owner) : TestTokens.of("hostile-" + role, role);
  }

  /** What is wrong with an error answer as RFC 9457 problem+json, or null. */
  private static String problemJsonFault(HttpResponse<String> response) {
    String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
    if (!contentType.startsWith("application/problem+json")) {
      return "Content-Type " + contentType + (response.body().isEmpty() ? ", empty body" : "");
    }
    try {
      JsonNode problem = JSON.readTree(response.body());
      if (problem == null || !problem.isObject()) {
        return "not a JSON object";
      }
      if (!problem.path("type").isTextual() || !problem.path("title").isTextual()) {
        return "no type or title";
      }
      if (problem.path("status").asInt() != response.statusCode()) {
        return "status " + problem.path("status") + " differs from the HTTP status";
      }
      return null;
    } catch (IOException e) {
      return "not JSON";
    }
  }

  /**
   * A value the service accepted must come back as sent, in the answer and when the record is read
   * again (a lone surrogate stored as "?" is the bug this catches).
   */
  private void checkEcho(HostileCase hostileCase, String path, HttpResponse<String> response) {
    HostileCase.Echo echo = hostileCase.echo();
    JsonNode answered = readJson(response.body()).at(echo.pointer());
    JsonNode expected = echo.expected();
    if (!answered.isMissingNode() && !answered.isNull()) {
      if (expected != null && !same(expected, answered)) {
        report.failed(Check.CHANGED_VALUE, hostileCase, path, response.statusCode(), "the answer holds " + describe(answered) + ", sent " + describe(expected), response.body());
        return;
      }
      if (expected == null) {
        expected = answered;
      }
    }
    if (expected == null) {
      return;
    }
    Optional<String> stored = response.headers().firstValue("Location")
        .or(() -> hostileCase.operation().method().equals("PATCH") || hostileCase.operation().method().equals("PUT") ? Optional.of(path) : Optional.empty());
    if (stored.isEmpty()) {
      return;
    }
    URI service = services.apply(hostileCase.operation().service());
    try {
      HttpResponse<String> reread = http.send(
          HttpRequest.newBuilder(service.resolve(stored.get())).header("Authorization", "Bearer " + tokenFor(hostileCase.operation())).timeout(ANSWER_TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode read = readJson(reread.body()).at(echo.pointer());
      if (reread.statusCode() == 200 && !read.isMissingNode() && !same(expected, read)) {
        report.failed(Check.CHANGED_VALUE, hostileCase, path, response.statusCode(), "read back as " + describe(read) + ", sent " + describe(expected), reread.body());
      }
    } catch (IOException e) {
      report.failed(Check.NO_ANSWER, hostileCase, stored.get(), 0, "reading the accepted record back failed: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean same(JsonNode expected, JsonNode actual) {
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isNumber() && actual.isTextual()) {
      try {
        return expected.decimalValue().compareTo(new BigDecimal(actual.asText())) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return expected.equals(actual);
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 40) + "… (" + text.length() + " characters)" : text;
  }

  private static JsonNode readJson(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }
}
