package org.leadflow.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 */
final class BothServices implements AutoCloseable {

  private final Map<LeadflowService, Integer> ports;
  private final List<ServiceProcess> processes;
  private final OtlpReceiver traces;

  private BothServices(Map<LeadflowService, Integer> ports, List<ServiceProcess> processes, OtlpReceiver traces) {
    this.ports = ports;
    this.processes = processes;
    this.traces = traces;
  }

  private static BothServices shared;

  /** The services of this test JVM: started on first use, stopped when the JVM exits. */
  static synchronized BothServices shared(Infrastructure infrastructure) {
    if (shared == null) {
      shared = start(infrastructure);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "leadflow-services-shutdown"));
    }
    return shared;
  }

  static BothServices start(Infrastructure infrastructure) {
    Path checkout = Path.of(System.getProperty("leadflow.checkout", "..")).toAbsolutePath().normalize();
    Path logs = checkout.resolve("system-tests/target/service-logs");
    String java = ProcessHandle.current().info().command().orElse("java");
    Map<LeadflowService, Integer> ports = new EnumMap<>(LeadflowService.class);
    for (LeadflowService service : LeadflowService.values()) {
      infrastructure.createDatabaseIfMissing(service.database());
      ports.put(service, FreePorts.find());
    }
    List<ServiceProcess> processes = new ArrayList<>();
    OtlpReceiver traces = OtlpReceiver.start();
    BothServices services = new BothServices(ports, processes, traces);
    try {
      for (LeadflowService service : LeadflowService.values()) {
        processes.add(
            ServiceProcess.start(
                service.serviceName(),
                List.of(java, "-jar", service.jar(checkout).toString()),
                service.environment(
                    infrastructure,
                    ports.get(service),
                    ports.get(LeadflowService.OPPORTUNITY_SERVICE),
                    with(with(TestTokens.verificationEnvironment(), LeadflowService.QUALIFICATION_WITHOUT_CRITERIA), tracing(traces))),
                logs.resolve(service.serviceName() + ".log"),
                services.uri(service, LeadflowService.READINESS_PATH)));
      }
      new ServiceReadiness(HttpClient.newHttpClient(), Duration.ofSeconds(120), Duration.ofMillis(200))
          .awaitAll(processes, () -> false);
      return services;
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
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

  URI uri(LeadflowService service, String path) {
    return URI.create("http://localhost:" + ports.get(service) + path);
  }

  @Override
  public void close() {
    processes.forEach(ServiceProcess::requestStop);
    Instant deadline = Instant.now().plusSeconds(20);
    processes.forEach(process -> process.awaitStopped(deadline));
    traces.close();
  }

  private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
    Map<String, String> both = new LinkedHashMap<>(environment);
    both.putAll(more);
    return both;
  }
}
