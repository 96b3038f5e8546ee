package org.leadflow.devstack.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.devstack.Infrastructure;

/** The services the local run starts, each with its own database. */
public enum LeadflowService {
  LEAD_SERVICE("lead-service", "leads", PortSetting.LEAD_SERVICE, "/api/v1/leads"),
  OPPORTUNITY_SERVICE(
      "opportunity-service",
      "opportunities",
      PortSetting.OPPORTUNITY_SERVICE,
      "/api/v1/opportunities");

  /**
   * How the local run (and the benchmark, which measures what it runs) sizes each service's JVM: the
   * serial collector and a heap of at most 512 MB, started at 64 MB. Left to itself on a machine with
   * 24 GiB and two cores, the JVM picks G1 with a 6 GB maximum heap, whose bookkeeping alone is 40 MB
   * resident, and keeps what start-up allocated: 290–330 MB idle per service, against 235–250 MB
   * with these options (docs/benchmarks.md). One service's working set is far below 512 MB.
   */
  public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m");

  /** Quarkus's readiness check: 200 once the database and Kafka are reachable, 503 before. */
  public static final String READINESS_PATH = "/q/health/ready";

  static final String SWAGGER_UI_PATH = "/q/swagger-ui";

  private final String serviceName;
  private final String database;
  private final PortSetting port;
  private final String apiPath;

  LeadflowService(String serviceName, String database, PortSetting port, String apiPath) {
    this.serviceName = serviceName;
    this.database = database;
    this.port = port;
    this.apiPath = apiPath;
  }

  /** Whether the next start maps a class-data archive of this build rather than making one. */
  public boolean hasStartArchive(Path checkoutDirectory) {
    return StartArchive.isReady(jar(checkoutDirectory));
  }

  /**
   * The command that starts this service's packaged jar with {@code java}, as the local run does:
   * {@link #JVM_OPTIONS} and the service's class-data archive ({@link StartArchive}), which the first
   * start after a build makes at its exit and later starts map instead of loading their classes.
   */
  public List<String> command(String java, Path checkoutDirectory) {
    Path jar = jar(checkoutDirectory);
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JVM_OPTIONS);
    command.addAll(StartArchive.jvmOptions(jar));
    command.add("-jar");
    command.add(jar.toString());
    return command;
  }

  /** The Maven module's name, which is also how logs and messages name the service. */
  public String serviceName() {
    return serviceName;
  }

  public String database() {
    return database;
  }

  PortSetting port() {
    return port;
  }

  /**
   * lead-service's setting for a database that starts with a qualification policy without criteria:
   * the system tests and the benchmark qualify leads that no seller has qualified by hand.
   */
  public static final Map<String, String> QUALIFICATION_WITHOUT_CRITERIA = Map.of("LEADFLOW_QUALIFICATION_INITIAL_POLICY", "none");

  /** Where the API's main collection lives, e.g. {@code /api/v1/leads}. */
  String apiPath() {
    return apiPath;
  }

  /** The runnable jar that {@code ./mvnw install} builds. */
  public Path jar(Path checkoutDirectory) {
    return checkoutDirectory.resolve(serviceName).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /**
   * The environment that points this service at {@code infrastructure}: its HTTP port, its own
   * database, the Kafka brokers, (lead-service) where opportunity-service answers, and {@code
   * tokenVerification}: what makes it trust the bearer tokens of the run's issuer.
   */
  public Map<String, String> environment(
      Infrastructure infrastructure,
      int httpPort,
      int opportunityServicePort,
      Map<String, String> tokenVerification) {
    Map<String, String> environment =
        new LinkedHashMap<>(
            Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(httpPort),
                "QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl(database),
                "QUARKUS_DATASOURCE_REACTIVE_URL", infrastructure.reactiveUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", infrastructure.postgresUsername(),
                "QUARKUS_DATASOURCE_PASSWORD", infrastructure.postgresPassword(),
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers()));
    if (this == LEAD_SERVICE) {
      environment.put("OPPORTUNITY_SERVICE_URL", "http://localhost:" + opportunityServicePort);
    }
    environment.putAll(tokenVerification);
    return environment;
  }
}
