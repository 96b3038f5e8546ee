package org.leadflow.faulttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.devstack.FreePorts;
import org.leadflow.devstack.RestartableInfrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.messaging.RelayLock;
import org.leadflow.systemtests.BothServices;

/**
 * Conversions at a steady rate while, in turn, the Kafka broker is stopped and restarted,
 * lead-service is killed between the commit of qualifies and their publication, opportunity-service
 * is killed while it consumes them, PostgreSQL is killed and restarted, and the network to the broker
 * is cut for longer than the producers' delivery timeout. Afterwards every accepted qualify has
 * exactly one opportunity, linked to its lead, every conversion is completed, nothing is
 * dead-lettered and both outboxes are drained. {@code leadflow.faults.conversions} and {@code
 * leadflow.faults.rate} size the run (the reduced run in {@code ./mvnw verify}; {@code -Pfaults-full}).
 */
class ConversionsUnderFaultsIT {

  /** The producers' delivery timeout in this suite (120 s by default), so that a cut outlasts it. */
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(8);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String LEAD_SERVICE_SOURCE = "/leadflow/lead-service";

  private static final int CONVERSIONS = Integer.getInteger("leadflow.faults.conversions", 200);
  private static final int RATE = Integer.getInteger("leadflow.faults.rate", 5);

  private static BrokerProxy proxy;
  private static RestartableInfrastructure infrastructure;
  private static BothServices services;
  private static Ledgers ledgers;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String manager = TestTokens.salesManager("fault-manager");
  private final List<FaultFigures> figures = new ArrayList<>();
  private ConversionLoad load;

  @BeforeAll
  static void startInfrastructureAndServices() throws IOException {
    Path data = Path.of("target/fault-data").toAbsolutePath();
    deleteRecursively(data);
    int brokerPort = FreePorts.find();
    proxy = BrokerProxy.start(brokerPort);
    infrastructure = RestartableInfrastructure.start(data, brokerPort, proxy.port());
    // Also when the run is cut short: a kept cluster has no shutdown hook of its own.
    Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "fault-infrastructure-shutdown"));
    ledgers = new Ledgers(infrastructure);
    services =
        BothServices.start(
            infrastructure,
            "fault-tests",
            Map.of(
                "JAVA_TOOL_OPTIONS",
                "-Dmp.messaging.outgoing.outbox.delivery.timeout.ms=" + DELIVERY_TIMEOUT.toMillis()
                    + " -Dmp.messaging.outgoing.outbox.request.timeout.ms=" + REQUEST_TIMEOUT.toMillis()));
  }

  @AfterAll
  static void stopAll() {
    if (services != null) {
      services.close();
    }
    if (infrastructure != null) {
      infrastructure.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void noConversionIsLostOrDoubledWhileTheBrokerTheDatabaseTheNetworkToTheBrokerAndEachServiceFail() throws Exception {
    long runStarted = System.nanoTime();
    AtomicBoolean faultsOver = new AtomicBoolean();
    load = ConversionLoad.start(path -> services.uri(LeadflowService.LEAD_SERVICE, path), RATE, CONVERSIONS, () -> !faultsOver.get());
    await().atMost(PATIENCE).until(() -> load.accepted().size() >= 2 * RATE); // steady state first

    inject("Kafka broker stopped, restarted", infrastructure::stopKafka, () -> {
      livenessHolds("while the broker is stopped");
      underLoadFor(3);
    }, infrastructure::startKafka);
    inject("lead-service killed between commit and publish", this::killLeadServiceBetweenCommitAndPublish, () -> underLoadFor(2),
        () -> services.restart(LeadflowService.LEAD_SERVICE));
    inject("opportunity-service killed mid-consume", this::killOpportunityServiceMidConsume, () -> underLoadFor(2),
        () -> services.restart(LeadflowService.OPPORTUNITY_SERVICE));
    inject("PostgreSQL killed (kill -9), restarted", infrastructure::killPostgres, this::answersAre503WithRetryAfterAndLivenessHolds,
        infrastructure::startPostgres);
    inject("network to the broker cut past the delivery timeout", proxy::cut, this::cutOutlastsTheDeliveryTimeout, proxy::restore);
    answersAreNormalAgain();

    faultsOver.set(true);
    await().atMost(PATIENCE).until(() -> load.started() >= CONVERSIONS && load.unfinished() == 0);
    load.close();
    Set<UUID> accepted = load.accepted();
    long drainStarted = System.nanoTime();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> completed(accepted) == accepted.size()
        && ledgers.unpublished(LeadflowService.LEAD_SERVICE) == 0
        && ledgers.unpublished(LeadflowService.OPPORTUNITY_SERVICE) == 0);
    double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;

    Map<UUID, String[]> conversions = ledgers.conversions();
    Map<UUID, String[]> opportunities = ledgers.opportunitiesByLead();
    long lost = accepted.stream().filter(lead -> !opportunities.containsKey(lead) || !"COMPLETED".equals(conversions.get(lead)[0])).count();
    long duplicated = opportunities.values().stream().mapToLong(ids -> Long.parseLong(ids[1]) - 1).sum()
        + opportunities.keySet().stream().filter(lead -> !accepted.contains(lead)).count();
    long unlinked = accepted.stream()
        .filter(lead -> opportunities.containsKey(lead) && !opportunities.get(lead)[0].equals(conversions.get(lead)[1]))
        .count();
    report(accepted.size(), lost, duplicated, unlinked, drainSeconds, (System.nanoTime() - runStarted) / 1e9);

    assertThat(accepted).as("accepted conversions").hasSizeGreaterThanOrEqualTo(CONVERSIONS);
    assertThat(lost).as("accepted qualifies without a completed conversion and its opportunity").isZero();
    assertThat(duplicated).as("opportunities beyond one per accepted qualify").isZero();
    assertThat(unlinked).as("opportunities not the one their lead names").isZero();
    assertThat(ledgers.deadLetters(LeadflowService.LEAD_SERVICE)).as("lead-service's dead letters").isZero();
    assertThat(ledgers.deadLetters(LeadflowService.OPPORTUNITY_SERVICE)).as("opportunity-service's dead letters").isZero();
    assertThat(load.answers().keySet()).as("answers: a dependency outage is a 503, never another 5xx")
        .noneMatch(answer -> answer.matches(".* 5\\d\\d") && !answer.endsWith(" 503"));
  }

  /** Holds lead-service's relay back, lets qualifies commit, and kills the service with them unpublished. */
  private void killLeadServiceBetweenCommitAndPublish() {
    try (Connection relayHeldBack = holdRelayBack()) {
      long pending = awaitUnpublishedQualifies(Math.max(10, RATE));
      services.kill(LeadflowService.LEAD_SERVICE);
      System.out.printf("lead-service killed with %d committed qualifies unpublished%n", pending);
      assertThat(unpublishedQualifies()).as("committed, unpublished qualifies at the kill").isGreaterThanOrEqualTo(pending);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A backlog of qualifies let go at once, and opportunity-service killed once it has consumed some. */
  private void killOpportunityServiceMidConsume() {
    long backlog;
    long before;
    try (Connection relayHeldBack = holdRelayBack()) {
      backlog = awaitUnpublishedQualifies(Math.max(20, 2 * RATE));
      before = ledgers.opportunities();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(2)).until(() -> ledgers.opportunities() > before);
    services.kill(LeadflowService.OPPORTUNITY_SERVICE);
    System.out.printf("opportunity-service killed after consuming %d of a backlog of %d qualifies%n",
        ledgers.opportunities() - before, backlog);
  }

  private Connection holdRelayBack() throws SQLException {
    Connection connection = ledgers.connect(LeadflowService.LEAD_SERVICE);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + RelayLock.of(LEAD_SERVICE_SOURCE) + ")");
    }
    return connection; // closing it releases the lock
  }

  private long awaitUnpublishedQualifies(long atLeast) {
    await().atMost(PATIENCE).until(() -> unpublishedQualifies() >= atLeast);
    return unpublishedQualifies();
  }

  private long unpublishedQualifies() {
    return ledgers.count(LeadflowService.LEAD_SERVICE,
        "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND type = '" + LeadEventTypes.QUALIFIED + "'");
  }

  /** While PostgreSQL is down: 503 problem with Retry-After from both services, and both still live. */
  private void answersAre503WithRetryAfterAndLivenessHolds() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (HttpResponse<String> answer : List.of(leadAnswer(), opportunitiesAnswer())) {
        assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
      }
    });
    livenessHolds("while PostgreSQL is down");
    for (LeadflowService service : LeadflowService.values()) {
      assertThat(get(service, LeadflowService.READINESS_PATH, manager).statusCode()).as(service + " readiness while PostgreSQL is down").isEqualTo(503);
    }
    underLoadFor(3);
  }

  /** A dependency's outage is no reason to restart a service: its liveness check stays up. */
  private void livenessHolds(String when) {
    for (LeadflowService service : LeadflowService.values()) {
      assertThat(get(service, "/q/health/live", manager).statusCode()).as(service.serviceName() + " liveness " + when).isEqualTo(200);
    }
  }

  private void answersAreNormalAgain() {
    assertThat(leadAnswer().statusCode()).isEqualTo(200);
    assertThat(opportunitiesAnswer().statusCode()).isEqualTo(200);
  }

  private void cutOutlastsTheDeliveryTimeout() {
    long cutAt = System.nanoTime();
    livenessHolds("while the broker is cut off");
    await().atMost(DELIVERY_TIMEOUT.multipliedBy(4)).pollInterval(Duration.ofMillis(500)).until(() ->
        System.nanoTime() - cutAt > DELIVERY_TIMEOUT.plusSeconds(4).toNanos() && ledgers.unpublished(LeadflowService.LEAD_SERVICE) > 0);
  }

  private HttpResponse<String> leadAnswer() {
    UUID lead = load.accepted().iterator().next();
    return get(LeadflowService.LEAD_SERVICE, "/api/v1/leads/" + lead, manager);
  }

  private HttpResponse<String> opportunitiesAnswer() {
    return get(LeadflowService.OPPORTUNITY_SERVICE, "/api/v1/opportunities?size=1", manager);
  }

  /** Goes on until the load has sent {@code seconds} × rate more requests (new conversions or retries) under the fault. */
  private void underLoadFor(int seconds) {
    int target = load.sent() + seconds * RATE;
    await().atMost(PATIENCE).until(() -> load.sent() >= target);
  }

  private void inject(String fault, Runnable breakIt, Runnable whileBroken, Runnable repair) {
    Map<String, Integer> answersBefore = load.answers();
    long startedBefore = load.started();
    long brokenAt = System.nanoTime();
    breakIt.run();
    whileBroken.run();
    long repairedAt = System.nanoTime();
    repair.run();
    services.awaitReady();
    long readyAt = System.nanoTime();
    await().atMost(PATIENCE).until(() -> load.lastAcceptedAt() > readyAt);
    long acceptingAt = load.lastAcceptedAt();
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() ->
        ledgers.unpublished(LeadflowService.LEAD_SERVICE) == 0 && ledgers.unpublished(LeadflowService.OPPORTUNITY_SERVICE) == 0);
    long drainedAt = System.nanoTime();
    Map<String, Integer> refused = new TreeMap<>();
    load.answers().forEach((answer, count) -> {
      int meanwhile = count - answersBefore.getOrDefault(answer, 0);
      if (meanwhile > 0 && !answer.endsWith(" 200") && !answer.endsWith(" 201")) {
        refused.put(answer, meanwhile);
      }
    });
    figures.add(new FaultFigures(fault, (repairedAt - brokenAt) / 1e9, (readyAt - repairedAt) / 1e9,
        (acceptingAt - repairedAt) / 1e9, (drainedAt - repairedAt) / 1e9, load.started() - startedBefore, refused));
    System.out.println(figures.get(figures.size() - 1).row());
  }

  private long completed(Set<UUID> leads) throws SQLException {
    Map<UUID, String[]> conversions = ledgers.conversions();
    return leads.stream().filter(lead -> conversions.containsKey(lead) && "COMPLETED".equals(conversions.get(lead)[0])).count();
  }

  private void report(int accepted, long lost, long duplicated, long unlinked, double drainSeconds, double runSeconds) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(String.format("Fault suite: %d conversions accepted (at least %d asked, %d/s), run %.0f s%n", accepted, CONVERSIONS, RATE, runSeconds));
    text.append(String.format("lost %d, duplicated %d, opportunities not linked to their lead %d, dead letters %d + %d%n",
        lost, duplicated, unlinked, ledgers.deadLetters(LeadflowService.LEAD_SERVICE), ledgers.deadLetters(LeadflowService.OPPORTUNITY_SERVICE)));
    text.append(String.format("after the load: every conversion completed and both outboxes drained in %.1f s%n", drainSeconds));
    text.append("fault | down s | ready again s | accepting again s | outboxes drained s | conversions started meanwhile | requests refused or unanswered\n");
    figures.forEach(figure -> text.append(figure.row()).append('\n'));
    text.append("answers: ").append(load.answers()).append('\n');
    text.append(String.format("load average at the end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim()));
    System.out.print(text);
    Files.writeString(Path.of("target/fault-report.txt"), text, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> get(LeadflowService service, String path, String token) {
    try {
      return http.send(
          HttpRequest.newBuilder(services.uri(service, path)).timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("No answer from " + service.serviceName() + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** One fault's figures; times in seconds, from the repair (restart, reconnect) unless said. */
  private record FaultFigures(
      String fault, double downSeconds, double readySeconds, double acceptingSeconds, double drainedSeconds,
      long conversionsStarted, Map<String, Integer> refused) {
    String row() {
      return String.format("%s | %.1f | %.1f | %.1f | %.1f | %d | %d %s", fault, downSeconds, readySeconds, acceptingSeconds, drainedSeconds,
          conversionsStarted, refused.values().stream().mapToInt(Integer::intValue).sum(), refused);
    }
  }
}
