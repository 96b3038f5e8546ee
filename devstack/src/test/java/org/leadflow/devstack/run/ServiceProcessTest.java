package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadflow.devstack.FreePorts;

class ServiceProcessTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path logDirectory;

  private final List<ServiceProcess> started = new ArrayList<>();

  @AfterEach
  void stopWhatIsLeft() {
    started.forEach(ServiceProcess::requestStop);
    started.forEach(service -> service.awaitStopped(Instant.now()));
  }

  @Test
  void aServiceIsReadyWhenItsReadinessCheckAnswers200() {
    ServiceProcess service = start("ready");

    awaitReady(service, Duration.ofSeconds(30));

    assertThat(service.isReady(HTTP)).isTrue();
  }

  @Test
  void stoppingEndsTheServiceAndWhatItStarted() {
    ServiceProcess service = start("ready");
    awaitReady(service, Duration.ofSeconds(30));
    List<ProcessHandle> tree = processTree(service);
    assertThat(tree).hasSizeGreaterThanOrEqualTo(2); // the service and its sleep

    service.requestStop();
    boolean graceful = service.awaitStopped(Instant.now().plusSeconds(15));

    assertThat(graceful).isTrue();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aServiceThatIgnoresTheStopRequestIsKilledAtTheDeadline() {
    ServiceProcess service = start("stubborn");
    awaitReady(service, Duration.ofSeconds(30));
    List<ProcessHandle> tree = processTree(service);

    service.requestStop();
    boolean graceful = service.awaitStopped(Instant.now().plusMillis(500));

    assertThat(graceful).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aServiceThatExitsDuringStartupIsReportedWithTheEndOfItsLog() {
    ServiceProcess service = start("crash");

    assertThatThrownBy(() -> awaitReady(service, Duration.ofSeconds(30)))
        .isInstanceOf(LocalRunException.class)
        .hasMessageStartingWith(
            "stand-in exited with code 3 during startup; see its log "
                + logDirectory.resolve("stand-in.log"))
        .hasMessageContaining("  | stand-in log line 30")
        .hasMessageContaining("  | Failed to start: the database is unreachable")
        .hasMessageNotContaining("stand-in log line 11");
  }

  @Test
  void aServiceThatStaysUnreadyIsReportedAtTheTimeout() {
    ServiceProcess service = start("never-ready");

    assertThatThrownBy(() -> awaitReady(service, Duration.ofSeconds(1)))
        .isInstanceOf(LocalRunException.class)
        .hasMessageStartingWith("stand-in was not ready within 1 s; see its log ");
  }

  @Test
  void outputIsAppendedToTheLogAcrossStartsAndOnlyThisStartIsShown() throws Exception {
    awaitExit(start("crash"));
    ServiceProcess second = start("crash");
    awaitExit(second);

    assertThat(Files.readAllLines(second.logFile()))
        .filteredOn("stand-in log line 30"::equals)
        .hasSize(2);
    assertThat(second.lastLogLines(1000))
        .startsWith("stand-in log line 1")
        .endsWith("Failed to start: the database is unreachable")
        .filteredOn("stand-in log line 30"::equals)
        .hasSize(1);
  }

  private ServiceProcess start(String behaviour) {
    int port = FreePorts.find();
    ServiceProcess service =
        ServiceProcess.start(
            "stand-in",
            List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                testClasses().toString(),
                StandInService.class.getName(),
                behaviour),
            Map.of("QUARKUS_HTTP_PORT", Integer.toString(port)),
            logDirectory.resolve("stand-in.log"),
            URI.create("http://127.0.0.1:" + port + "/q/health/ready"));
    started.add(service);
    return service;
  }

  private static void awaitReady(ServiceProcess service, Duration timeout) {
    new ServiceReadiness(HTTP, timeout, Duration.ofMillis(50))
        .awaitAll(List.of(service), () -> false);
  }

  private static void awaitExit(ServiceProcess service) {
    ProcessHandle.of(service.pid()).ifPresent(process -> process.onExit().join());
  }

  private static List<ProcessHandle> processTree(ServiceProcess service) {
    ProcessHandle root = ProcessHandle.of(service.pid()).orElseThrow();
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(root);
    return tree;
  }

  private static Path testClasses() {
    try {
      return Path.of(
          StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
