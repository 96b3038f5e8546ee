package org.leadflow.devstack.run;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits for services started together until each answers its readiness check, and turns a service
 * that dies or stays unready into a message that shows the end of its log.
 */
public final class ServiceReadiness {

  private static final int LOG_LINES_SHOWN = 20;

  private final HttpClient http;
  private final Duration timeout;
  private final Duration pollInterval;

  public ServiceReadiness(HttpClient http, Duration timeout, Duration pollInterval) {
    this.http = http;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  /**
   * Returns once all services are ready, or early when {@code cancelled} turns true.
   *
   * @throws LocalRunException naming the first service that exited or was not ready in time
   */
  public void awaitAll(List<ServiceProcess> services, BooleanSupplier cancelled) {
    Instant deadline = Instant.now().plus(timeout);
    List<ServiceProcess> starting = new ArrayList<>(services);
    while (!cancelled.getAsBoolean()) {
      for (Iterator<ServiceProcess> each = starting.iterator(); each.hasNext(); ) {
        ServiceProcess service = each.next();
        if (!service.isAlive()) {
          throw failure(
              service,
              service.name()
                  + " exited with code "
                  + service.exitCode().orElse(-1)
                  + " during startup");
        }
        if (service.isReady(http)) {
          each.remove();
        }
      }
      if (starting.isEmpty()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        ServiceProcess late = starting.get(0);
        throw failure(late, late.name() + " was not ready within " + timeout.toSeconds() + " s");
      }
      pause();
    }
  }

  private static LocalRunException failure(ServiceProcess service, String what) {
    String newline = System.lineSeparator();
    StringBuilder message =
        new StringBuilder(what)
            .append("; see its log ")
            .append(service.logFile())
            .append(newline)
            .append("The log ends with:");
    for (String line : service.lastLogLines(LOG_LINES_SHOWN)) {
      message.append(newline).append("  | ").append(line);
    }
    return new LocalRunException(message.toString());
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRunException("Interrupted while waiting for the services to be ready");
    }
  }
}
