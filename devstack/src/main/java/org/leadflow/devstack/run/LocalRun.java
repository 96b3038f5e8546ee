package org.leadflow.devstack.run;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.leadflow.devstack.EmbeddedInfrastructure;
import org.leadflow.devstack.tokens.TokenIssuer;

/**
 * The one-command local run ({@code ./run.sh}): real PostgreSQL and Kafka embedded in this JVM's
 * care, both services as child processes, everything stopped again on Ctrl-C.
 *
 * <p>Every failure a user can fix ends in one line that says what to do; details go to the log
 * files under the data directory, never to the console as a stack trace.
 */
public final class LocalRun {

  static final int DEMO_LEAD_COUNT = 300;

  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration READINESS_POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(15);

  private static final String DEMO_DATA_OPTION = "--demo-data";
  private static final String TOKEN_COMMAND = "token";
  private static final Set<String> HELP_OPTIONS = Set.of("--help", "-h");

  private static final Logger LOG =
      LogContext.getSystemLogContext().getLogger(LocalRun.class.getName());

  private final LocalRunSettings settings;
  private final Path checkoutDirectory;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Set first thing on shutdown, so that a startup in progress stops starting things. */
  private volatile boolean stopping;

  // Guarded by this: the shutdown hook waits for a start in progress, so nothing escapes it.
  private EmbeddedInfrastructure infrastructure;
  private final List<ServiceProcess> services = new ArrayList<>();

  LocalRun(LocalRunSettings settings, Path checkoutDirectory, PrintStream out) {
    this.settings = settings;
    this.checkoutDirectory = checkoutDirectory;
    this.out = out;
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(TOKEN_COMMAND)) {
      printToken(List.of(args).subList(1, args.length));
      return;
    }
    Set<String> options = new LinkedHashSet<>(List.of(args));
    if (options.stream().anyMatch(HELP_OPTIONS::contains)) {
      System.out.print(usage());
      return;
    }
    options.remove(DEMO_DATA_OPTION);
    if (!options.isEmpty()) {
      System.err.println("Unknown option " + options.iterator().next() + "; see ./run.sh --help");
      System.exit(2);
    }
    boolean demoData = List.of(args).contains(DEMO_DATA_OPTION);
    try {
      LocalRunSettings settings = LocalRunSettings.fromEnvironment(System.getenv(), Path.of(""));
      new LocalRun(settings, checkoutDirectory(), System.out).run(demoData);
    } catch (LocalRunException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      // The main thread must not just die: the services' parent death signal is tied to it.
      LOG.log(Level.SEVERE, "LeadFlow stopped on an unexpected error", e);
      System.err.println("LeadFlow stopped on an unexpected error: " + causeOf(e));
      System.exit(1);
    }
  }

  private static void printToken(List<String> arguments) {
    try {
      LocalRunSettings settings = LocalRunSettings.fromEnvironment(System.getenv(), Path.of(""));
      System.out.println(DevTokens.token(arguments, settings.dataDirectory()));
    } catch (LocalRunException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Starts everything, prints where to find it, and returns only once a shutdown has stopped it all
   * again.
   *
   * @throws LocalRunException when LeadFlow cannot start; what was started is stopped by the
   *     shutdown hook when the JVM exits
   */
  void run(boolean loadDemoData) {
    requireServicesBuilt();
    stopLeftoverPostgres();
    PortCheck.requireFree(settings.requiredPorts());
    Path launcherLog = LauncherLog.sendTo(settings.logDirectory());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "leadflow-stop"));
    try {
      startInfrastructure(launcherLog);
      startServices();
      awaitServicesReady();
    } catch (RuntimeException e) {
      if (stopping) {
        awaitStopped(); // interrupted by Ctrl-C: not a failure worth reporting
        return;
      }
      if (e instanceof LocalRunException) {
        throw e;
      }
      LOG.log(Level.SEVERE, "LeadFlow could not start", e);
      throw new LocalRunException(
          "LeadFlow could not start: " + causeOf(e) + " (details in " + launcherLog + ")", e);
    }
    if (stopping) {
      awaitStopped();
      return;
    }
    printBanner();
    if (loadDemoData) {
      loadDemoData();
    }
    out.println("Press Ctrl-C to stop.");
    awaitStopped();
  }

  private void requireServicesBuilt() {
    for (LeadflowService service : LeadflowService.values()) {
      Path jar = service.jar(checkoutDirectory);
      if (!Files.isRegularFile(jar)) {
        throw new LocalRunException(
            service.serviceName()
                + " is not built ("
                + checkoutDirectory.relativize(jar)
                + " is missing); run ./mvnw install -DskipTests first.");
      }
    }
  }

  private void stopLeftoverPostgres() {
    LeftoverPostgres.find(settings.dataDirectory().resolve("postgres"))
        .ifPresent(
            postgres -> {
              out.println(
                  "Stopping PostgreSQL (pid "
                      + postgres.pid()
                      + ") left running by an earlier run that did not shut down cleanly...");
              LeftoverPostgres.stop(postgres);
            });
  }

  private void startInfrastructure(Path launcherLog) {
    out.println("Starting PostgreSQL and Kafka...");
    long started = System.nanoTime();
    synchronized (this) {
      if (stopping) {
        return;
      }
      try {
        infrastructure =
            LauncherLog.withConsoleInLog(
                () ->
                    EmbeddedInfrastructure.start(
                        settings.dataDirectory(),
                        settings.port(PortSetting.POSTGRES),
                        settings.port(PortSetting.KAFKA),
                        settings.port(PortSetting.KAFKA_CONTROLLER)));
        for (LeadflowService service : LeadflowService.values()) {
          infrastructure.createDatabaseIfMissing(service.database());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "PostgreSQL and Kafka could not start", e);
        throw new LocalRunException(
            "PostgreSQL and Kafka could not start: "
                + causeOf(e)
                + " (details in "
                + launcherLog
                + ")",
            e);
      }
    }
    out.println("PostgreSQL and Kafka are up (" + secondsSince(started) + ").");
  }

  /**
   * Starts both services at once; they take seconds each, mostly waiting for Flyway and Kafka. Runs
   * on the main thread, which lives until the end: see {@link ServiceProcess} on why.
   */
  private void startServices() {
    out.println("Starting lead-service and opportunity-service...");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    synchronized (this) {
      for (LeadflowService service : LeadflowService.values()) {
        if (stopping) {
          return;
        }
        services.add(
            ServiceProcess.start(
                service.serviceName(),
                service.command(java, checkoutDirectory),
                environmentOf(service),
                settings.logDirectory().resolve(service.serviceName() + ".log"),
                localUri(service, LeadflowService.READINESS_PATH)));
      }
    }
  }

  private Map<String, String> environmentOf(LeadflowService service) {
    Map<String, String> environment =
        service.environment(
            infrastructure,
            settings.port(service.port()),
            settings.port(PortSetting.OPPORTUNITY_SERVICE),
            DevTokens.verificationEnvironment(settings.dataDirectory()));
    environment.put(LocalRunSettings.CORS_ORIGINS_VARIABLE, settings.corsOrigins());
    return environment;
  }

  private void awaitServicesReady() {
    long started = System.nanoTime();
    List<ServiceProcess> starting;
    synchronized (this) {
      starting = List.copyOf(services);
    }
    new ServiceReadiness(http, READINESS_TIMEOUT, READINESS_POLL_INTERVAL)
        .awaitAll(starting, () -> stopping);
    if (!stopping) {
      out.println("Both services are ready (" + secondsSince(started) + ").");
    }
  }

  private void printBanner() {
    String row = "  %-21s %s%n";
    out.println();
    out.println("LeadFlow is running.");
    out.println();
    for (LeadflowService service : LeadflowService.values()) {
      String base = "http://localhost:" + settings.port(service.port());
      out.printf(row, service.serviceName(), base + service.apiPath());
      out.printf(row, "  Swagger UI", base + LeadflowService.SWAGGER_UI_PATH);
      out.printf(row, "  Readiness", base + LeadflowService.READINESS_PATH);
    }
    String postgres = "PostgreSQL";
    for (LeadflowService service : LeadflowService.values()) {
      out.printf(row, postgres, infrastructure.jdbcUrl(service.database()));
      postgres = "";
    }
    out.printf(
        row,
        "",
        "(user "
            + infrastructure.postgresUsername()
            + ", password "
            + infrastructure.postgresPassword()
            + ")");
    out.printf(row, "Kafka", infrastructure.kafkaBootstrapServers());
    out.printf(row, "Tokens", "./run.sh token seller alice   (roles: " + String.join(", ", DevTokens.ROLES) + ")");
    out.printf(row, "Data", settings.dataDirectory());
    out.printf(row, "Logs", settings.logDirectory());
    out.println();
  }

  /** Demo data is a convenience: when loading fails, LeadFlow keeps running without it. */
  private void loadDemoData() {
    URI leads = localUri(LeadflowService.LEAD_SERVICE, LeadflowService.LEAD_SERVICE.apiPath());
    try {
      TokenIssuer tokens = DevTokens.issuer(settings.dataDirectory());
      DemoDataLoader loader = new DemoDataLoader(http, leads, out, tokens);
      if (loader.loadUnlessLeadsExist(DemoLeads.generate(DEMO_LEAD_COUNT, DemoLeads.SEED))) {
        URI opportunities = localUri(LeadflowService.OPPORTUNITY_SERVICE, "/");
        new DemoPipeline(http, leads, opportunities, out, new DemoCallers(tokens)).load(loader.readyToQualify());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Demo data could not be loaded", e);
      out.println(
          "Demo data not loaded: "
              + causeOf(e)
              + " (details in "
              + settings.logDirectory().resolve(LauncherLog.FILE_NAME)
              + ")");
    }
  }

  /**
   * The shutdown hook: services first, so that they do not see their database and broker vanish
   * while they still serve, then the infrastructure.
   */
  private void stop() {
    stopping = true;
    synchronized (this) {
      out.println();
      out.println("Stopping LeadFlow...");
      Instant deadline = Instant.now().plus(STOP_GRACE_PERIOD);
      services.forEach(ServiceProcess::requestStop);
      for (ServiceProcess service : services) {
        if (!service.awaitStopped(deadline)) {
          out.println(
              service.name()
                  + " did not stop within "
                  + STOP_GRACE_PERIOD.toSeconds()
                  + " s and was killed.");
        }
      }
      if (infrastructure != null) {
        try {
          infrastructure.close();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "PostgreSQL or Kafka did not stop cleanly", e);
        }
      }
      out.println("LeadFlow stopped.");
    }
    stopped.countDown();
  }

  private void awaitStopped() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Probes and demo data go to the IPv4 loopback that the services listen on. */
  private URI localUri(LeadflowService service, String path) {
    return URI.create("http://127.0.0.1:" + settings.port(service.port()) + path);
  }

  private static String secondsSince(long startNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
  }

  /**
   * The messages of the whole cause chain on one line: the outer one says what failed, the
   * innermost one usually why (a port, a file, a permission).
   */
  static String causeOf(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable each = failure; each != null; each = each.getCause()) {
      String message = each.getMessage();
      if (message != null && !text.toString().contains(message)) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
    }
    return text.length() == 0
        ? failure.getClass().getSimpleName()
        : text.toString().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The LeadFlow checkout this launcher was built in: the jar is {@code
   * devstack/target/devstack.jar} (or classes under {@code devstack/target/}), three levels down.
   * Falls back to the current directory, which is where run.sh starts it.
   */
  static Path checkoutDirectory() {
    try {
      Path codeSource =
          Path.of(LocalRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path candidate = codeSource.getParent().getParent().getParent();
      if (Files.isRegularFile(candidate.resolve("pom.xml"))
          && Files.isDirectory(candidate.resolve("devstack"))) {
        return candidate;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // an unusual class loader; the current directory is the documented default anyway
    }
    return Path.of("").toAbsolutePath();
  }

  private static String usage() {
    StringBuilder usage =
        new StringBuilder()
            .append("Usage: ./run.sh [--demo-data] [--help]\n")
            .append("       ./run.sh token ROLE USER [NAME]\n")
            .append("\n")
            .append("Runs LeadFlow on this machine: PostgreSQL and Kafka (embedded, no Docker\n")
            .append("needed), lead-service and opportunity-service. Data is kept between runs.\n")
            .append("Stop it with Ctrl-C.\n")
            .append("\n")
            .append("  --demo-data   after startup, load ")
            .append(DEMO_LEAD_COUNT)
            .append(" demo leads unless there are leads already\n")
            .append("  --help        show this text\n")
            .append("  token         print a bearer token for the running services (see README.md)\n")
            .append("\n")
            .append("Environment variables:\n");
    LocalRunSettings.describeVariables().forEach(line -> usage.append(line).append('\n'));
    return usage.toString();
  }
}
