package org.leadflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.leadflow.devstack.EmbeddedInfrastructure;
import org.leadflow.devstack.FreePorts;
import org.leadflow.devstack.run.LauncherLog;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.run.LeftoverPostgres;
import org.leadflow.devstack.run.ServiceProcess;
import org.leadflow.devstack.run.ServiceReadiness;
import org.leadflow.devstack.tokens.TokenIssuer;

/**
 * What the benchmark runs against: a fresh embedded PostgreSQL and Kafka in a data directory of its
 * own, and both packaged services started as the local run starts them ({@code java -jar
 * quarkus-run.jar}, prod profile), each timed from process start to ready. The services trust the
 * tokens of a key pair made for this run only, and their per-caller rate limit is off: the benchmark
 * is one caller sending far more than the limit allows any user.
 */
final class Stack implements AutoCloseable {

  /** Readiness is probed this often while a service starts: the resolution of its start time. */
  private static final Duration READINESS_POLL = Duration.ofMillis(10);
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
  private static final String ISSUER = "https://leadflow.localhost/benchmark";

  private final Path checkout;
  private final EmbeddedInfrastructure infrastructure;
  private final TokenIssuer tokens = TokenIssuer.withNewKey(ISSUER);
  private final Map<LeadflowService, Integer> ports;
  private final Map<LeadflowService, ServiceProcess> processes = new EnumMap<>(LeadflowService.class);
  private final Map<LeadflowService, Start> starts = new EnumMap<>(LeadflowService.class);

  /** How long one service took to start: to a ready answer, and as Quarkus logged it. */
  record Start(double secondsToReady, Optional<Double> quarkusReportedSeconds) {}

  private Stack(Path checkout, EmbeddedInfrastructure infrastructure, Map<LeadflowService, Integer> ports) {
    this.checkout = checkout;
    this.infrastructure = infrastructure;
    this.ports = ports;
  }

  /**
   * Starts PostgreSQL and Kafka in a new, empty {@code dataDirectory}, then each service in turn
   * (one at a time, so that neither start time includes the other's).
   *
   * @param jvmOptions added to each service's {@code java} command, e.g. a flight recording
   */
  static Stack start(Path checkout, Path dataDirectory, List<String> jvmOptions) {
    // A benchmark killed before it could stop PostgreSQL leaves it running on the data directory.
    LeftoverPostgres.find(dataDirectory.resolve("postgres")).ifPresent(LeftoverPostgres::stop);
    recreate(dataDirectory);
    Path logs = dataDirectory.resolve("logs");
    LauncherLog.sendTo(logs);
    EmbeddedInfrastructure infrastructure =
        LauncherLog.withConsoleInLog(
            () -> EmbeddedInfrastructure.start(dataDirectory, FreePorts.find(), FreePorts.find(), FreePorts.find()));
    Map<LeadflowService, Integer> ports = new EnumMap<>(LeadflowService.class);
    for (LeadflowService service : LeadflowService.values()) {
      infrastructure.createDatabaseIfMissing(service.database());
      ports.put(service, FreePorts.find());
    }
    Stack stack = new Stack(checkout, infrastructure, ports);
    try {
      String java = ProcessHandle.current().info().command().orElse("java");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      // opportunity-service first: lead-service asks it for matches (dry runs only, but still).
      for (LeadflowService service : List.of(LeadflowService.OPPORTUNITY_SERVICE, LeadflowService.LEAD_SERVICE)) {
        if (!service.hasStartArchive(checkout)) {
          // The first start after a build makes the class-data archive that later starts use (at its
          // exit); the figure measured is a later start's, on a database of its own so that the
          // measured start still migrates an empty one.
          String database = service.database() + "_archive";
          infrastructure.createDatabaseIfMissing(database);
          ServiceProcess first =
              stack.launch(service, java, jvmOptions, logs.resolve(service.serviceName() + "-archive.log"), database);
          new ServiceReadiness(http, READINESS_TIMEOUT, READINESS_POLL).awaitAll(List.of(first), () -> false);
          first.requestStop();
          first.awaitStopped(Instant.now().plusSeconds(30));
        }
        Path log = logs.resolve(service.serviceName() + ".log");
        long started = System.nanoTime();
        ServiceProcess process = stack.launch(service, java, jvmOptions, log, service.database());
        stack.processes.put(service, process);
        new ServiceReadiness(http, READINESS_TIMEOUT, READINESS_POLL).awaitAll(List.of(process), () -> false);
        stack.starts.put(service, new Start((System.nanoTime() - started) / 1e9, quarkusStartSeconds(log)));
      }
      return stack;
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  /** Starts the service as the local run does, with the benchmark's options, on {@code database}. */
  private ServiceProcess launch(
      LeadflowService service, String java, List<String> jvmOptions, Path log, String database) {
    // The local run's command, with the benchmark's own options before "-jar" (a later -X wins).
    List<String> command = new ArrayList<>(service.command(java, checkout));
    command.addAll(
        command.indexOf("-jar"),
        jvmOptions.stream().map(option -> option.replace("{service}", service.serviceName())).toList());
    Map<String, String> environment =
        new HashMap<>(
            service.environment(
                infrastructure,
                ports.get(service),
                ports.get(LeadflowService.OPPORTUNITY_SERVICE),
                trustedTokensWithoutRateLimit()));
    environment.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(database));
    environment.put("QUARKUS_DATASOURCE_REACTIVE_URL", infrastructure.reactiveUrl(database));
    return ServiceProcess.start(
        service.serviceName(), command, environment, log, uri(service, LeadflowService.READINESS_PATH));
  }

  /**
   * The credentials of the benchmark's user: a sales manager, who may create, qualify and read every
   * lead (the seeded leads belong to 40 sellers), valid for longer than any run.
   */
  Credentials salesManager() {
    return Credentials.bearer(
        tokens.token("benchmark", "Benchmark", List.of("sales-manager"), Duration.ofHours(2)));
  }

  /** A token of an admin, who sets the duplicate rules between runs. */
  String adminToken() {
    return tokens.token("benchmark-admin", "Benchmark admin", List.of("admin"), Duration.ofHours(2));
  }

  /**
   * Also without the readiness refresher: the leads seeded straight into the table carry no readiness,
   * and measuring a million of them in the background would be measured along with the scenarios.
   */
  private Map<String, String> trustedTokensWithoutRateLimit() {
    return Map.of(
        "MP_JWT_VERIFY_PUBLICKEY", tokens.publicKey(),
        "MP_JWT_VERIFY_ISSUER", ISSUER,
        "MP_JWT_VERIFY_AUDIENCES", TokenIssuer.AUDIENCE,
        "LEADFLOW_RATE_LIMIT_ENABLED", "false",
        "LEADFLOW_READINESS_REFRESH_ENABLED", "false");
  }

  EmbeddedInfrastructure infrastructure() {
    return infrastructure;
  }

  int port(LeadflowService service) {
    return ports.get(service);
  }

  long pid(LeadflowService service) {
    return processes.get(service).pid();
  }

  Start start(LeadflowService service) {
    return starts.get(service);
  }

  URI uri(LeadflowService service, String path) {
    return URI.create("http://127.0.0.1:" + ports.get(service) + path);
  }

  /** JDBC URL of a service's database. */
  String jdbcUrl(LeadflowService service) {
    return infrastructure.jdbcUrl(service.database());
  }

  @Override
  public void close() {
    processes.values().forEach(ServiceProcess::requestStop);
    Instant deadline = Instant.now().plusSeconds(20);
    processes.values().forEach(process -> process.awaitStopped(deadline));
    infrastructure.close();
  }

  /** The last "started in N s" line of this start of the service: Quarkus's own measure. */
  private static Optional<Double> quarkusStartSeconds(Path log) {
    try {
      Optional<Double> seconds = Optional.empty();
      for (String line : Files.readAllLines(log)) {
        Matcher matcher = QUARKUS_STARTED.matcher(line);
        if (matcher.find()) {
          seconds = Optional.of(Double.parseDouble(matcher.group(1)));
        }
      }
      return seconds;
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void recreate(Path directory) {
    try {
      if (Files.exists(directory)) {
        try (Stream<Path> paths = Files.walk(directory)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not empty " + directory, e);
    }
  }
}
