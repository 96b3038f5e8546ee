package org.leadflow.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.devstack.FreePorts;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.run.LeadflowService;
import org.leadflow.devstack.run.ServiceProcess;
import org.leadflow.devstack.run.ServiceReadiness;
import org.leadflow.devstack.tokens.TestTokens;

/**
 * Both packaged services ({@code target/quarkus-app}) running as processes on free ports, pointed at
 * the test JVM's PostgreSQL and Kafka and trusting its {@link TestTokens}, as the local run and
 * production run them. They sample every trace and export it to the test JVM's {@link OtlpReceiver}.
 * The fault suite (module {@code fault-tests}) kills and restarts them one at a time, each on its
 * port with its environment.
 */
public final class BothServices implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private final Path checkout;
  private final Path logs;
  private final Map<LeadflowService, Integer> ports;
  private final Map<LeadflowService, Map<String, String>> environments = new EnumMap<>(LeadflowService.class);
  private final Map<LeadflowService, ServiceProcess> processes = new EnumMap<>(LeadflowService.class);
  private final OtlpReceiver traces;

  private BothServices(Path checkout, Path logs, Map<LeadflowService, Integer> ports, OtlpReceiver traces) {
    this.checkout = checkout;
    this.logs = logs;
    this.ports = ports;
    this.traces = traces;
  }

  private static BothServices shared;

  /** The services of this test JVM: started on first use, stopped when the JVM exits. */
  static synchronized BothServices shared(Infrastructure infrastructure) {
    if (shared == null) {
      shared = start(infrastructure, "system-tests", Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "leadflow-services-shutdown"));
    }
    return shared;
  }

  /**
   * Starts both and waits until they are ready.
   *
   * @param module the module whose {@code target/service-logs/} gets the services' logs
   * @param environment added to each service's environment (e.g. shorter Kafka timeouts)
   */
  public static BothServices start(Infrastructure infrastructure, String module, Map<String, String> environment) {
    Path checkout = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();
    Map<LeadflowService, Integer> ports = new EnumMap<>(LeadflowService.class);
    for (LeadflowService service : LeadflowService.values()) {
      infrastructure.createDatabaseIfMissing(service.database());
      ports.put(service, FreePorts.find());
    }
    OtlpReceiver traces = OtlpReceiver.start();
    BothServices services =
        new BothServices(checkout, checkout.resolve(module).resolve("target/service-logs"), ports, traces);
    try {
      for (LeadflowService service : LeadflowService.values()) {
        Map<String, String> serviceEnvironment =
            with(with(with(TestTokens.verificationEnvironment(), LeadflowService.QUALIFICATION_WITHOUT_CRITERIA), tracing(traces)), environment);
        services.environments.put(
            service,
            service.environment(infrastructure, ports.get(service), ports.get(LeadflowService.OPPORTUNITY_SERVICE), serviceEnvironment));
        services.launch(service);
      }
      services.awaitReady(List.copyOf(services.processes.values()));
      return services;
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
  }

  private void launch(LeadflowService service) {
    String java = ProcessHandle.current().info().command().orElse("java");
    processes.put(
        service,
        ServiceProcess.start(
            service.serviceName(),
            List.of(java, "-jar", service.jar(checkout).toString()),
            environments.get(service),
            logs.resolve(service.serviceName() + ".log"),
            uri(service, LeadflowService.READINESS_PATH)));
  }

  private static void awaitReady(List<ServiceProcess> starting) {
    new ServiceReadiness(HttpClient.newHttpClient(), READY_WITHIN, Duration.ofMillis(200)).awaitAll(starting, () -> false);
  }

  /** {@code kill -9} of the service: no shutdown, requests in flight lost, as in a crash. */
  public void kill(LeadflowService service) {
    processes.get(service).kill();
  }

  /** Starts the service again on its port with its environment, and waits until it is ready. */
  public void restart(LeadflowService service) {
    ServiceProcess previous = processes.get(service);
    if (previous.isAlive()) {
      previous.requestStop();
      previous.awaitStopped(Instant.now().plusSeconds(20));
    }
    launch(service);
    awaitReady(List.of(processes.get(service)));
  }

  /** Waits until both services are ready again (e.g. after their database or broker came back). */
  public void awaitReady() {
    awaitReady(List.copyOf(processes.values()));
  }

  /** The spans both services exported. */
  OtlpReceiver traces() {
    return traces;
  }

  /** Every trace sampled and exported, at once, to {@code receiver} (docs/operations.md, Traces). */
  private static Map<String, String> tracing(OtlpReceiver receiver) {
    return Map.of(
        "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1.0",
        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
  }

  public URI uri(LeadflowService service, String path) {
    return URI.create("http://localhost:" + ports.get(service) + path);
  }

  @Override
  public void close() {
    processes.values().forEach(ServiceProcess::requestStop);
    Instant deadline = Instant.now().plusSeconds(20);
    processes.values().forEach(process -> process.awaitStopped(deadline));
    traces.close();
  }

  private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
    Map<String, String> both = new LinkedHashMap<>(environment);
    both.putAll(more);
    return both;
  }
}
