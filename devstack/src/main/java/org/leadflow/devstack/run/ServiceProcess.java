package org.leadflow.devstack.run;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** One LeadFlow service running as a child process, its output appended to its own log file. */
public final class ServiceProcess {

  /** A log grown past this is moved aside when the service starts, so that logs stay small. */
  private static final long LOG_ROTATION_SIZE = 20L * 1024 * 1024;

  /** In the line written to the log before each start, which tells one run from the next. */
  private static final String RUN_MARKER = " started by LeadFlow's local run";

  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final String name;
  private final URI readinessUri;
  private final Path logFile;
  private final Process process;
  private volatile List<ProcessHandle> stopping = List.of();

  private ServiceProcess(String name, URI readinessUri, Path logFile, Process process) {
    this.name = name;
    this.readinessUri = readinessUri;
    this.logFile = logFile;
    this.process = process;
  }

  /**
   * Starts the command; returns at once, before the service is ready.
   *
   * @param environment added to the launcher's own environment, replacing same-named variables
   * @param readinessUri answers 200 once the service can take requests
   */
  public static ServiceProcess start(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path logFile,
      URI readinessUri) {
    try {
      Files.createDirectories(logFile.getParent());
      rotateIfLarge(logFile);
      Files.writeString(
          logFile,
          System.lineSeparator()
              + "---- "
              + name
              + RUN_MARKER
              + " at "
              + Instant.now()
              + " ----"
              + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(withParentDeathSignal(command))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(environment);
      return new ServiceProcess(name, readinessUri, logFile, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /** Whether the readiness check answers 200 right now. */
  public boolean isReady(HttpClient http) {
    HttpRequest probe = HttpRequest.newBuilder(readinessUri).timeout(PROBE_TIMEOUT).GET().build();
    try {
      return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The end of what this start of the service logged (earlier starts share the file), for telling
   * the user why it did not come up.
   */
  public List<String> lastLogLines(int count) {
    // Only the tail is read: a log kept across many runs can be large.
    int tailBytes = 64 * 1024;
    try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
      long start = Math.max(0, file.length() - tailBytes);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      List<String> lines = Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\\R"));
      int firstOfThisRun = start > 0 ? 1 : 0; // the first line read is most likely cut
      for (int i = lines.size() - 1; i >= firstOfThisRun; i--) {
        if (lines.get(i).contains(RUN_MARKER)) {
          firstOfThisRun = i + 1;
          break;
        }
      }
      lines = lines.subList(Math.min(firstOfThisRun, lines.size()), lines.size());
      return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
    }
  }

  /**
   * Kills the service and anything it started (SIGKILL), as a crash would, and returns once they
   * are gone.
   */
  public void kill() {
    List<ProcessHandle> all = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    all.forEach(ProcessHandle::destroyForcibly);
    all.forEach(handle -> handle.onExit().join());
  }

  /** Asks the service and anything it started to shut down gracefully (SIGTERM). */
  public void requestStop() {
    // Captured first: once the service has exited, its children are no longer its descendants.
    stopping = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    stopping.forEach(ProcessHandle::destroy);
  }

  /**
   * Waits until everything {@link #requestStop} asked to stop has exited, and kills (SIGKILL) what
   * is still there at the deadline.
   *
   * @return whether everything exited on its own
   */
  public boolean awaitStopped(Instant deadline) {
    boolean graceful = awaitExit(stopping, deadline);
    if (!graceful) {
      List<ProcessHandle> remaining =
          Stream.concat(stopping.stream(), process.descendants()).distinct().toList();
      remaining.forEach(ProcessHandle::destroyForcibly);
      // A killed process is gone at once; the wait only makes sure before the caller goes on.
      awaitExit(remaining, Instant.now().plus(KILL_WAIT));
    }
    return graceful;
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Instant deadline) {
    boolean allExited = true;
    for (ProcessHandle handle : processes) {
      long millisLeft = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
      try {
        handle.onExit().get(millisLeft, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        allExited = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return allExited;
  }

  private static void rotateIfLarge(Path logFile) throws IOException {
    if (Files.exists(logFile) && Files.size(logFile) > LOG_ROTATION_SIZE) {
      Files.move(
          logFile,
          logFile.resolveSibling(logFile.getFileName() + ".1"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * On Linux, util-linux's {@code setpriv} makes the kernel send SIGTERM to the service when the
   * launcher dies, even from {@code kill -9}, which no shutdown hook survives. The signal follows
   * the death of the launcher thread that started the child, so the launcher starts services from
   * its main thread, which lives until the end. Without {@code setpriv} the command runs as is.
   */
  private static List<String> withParentDeathSignal(List<String> command) {
    if (!ParentDeathSignal.AVAILABLE) {
      return command;
    }
    List<String> wrapped =
        new ArrayList<>(List.of(ParentDeathSignal.SETPRIV, "--pdeathsig", "TERM", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  /** Looked up once: whether this machine's {@code setpriv} can set a parent death signal. */
  private static final class ParentDeathSignal {
    static final String SETPRIV = "/usr/bin/setpriv";
    static final boolean AVAILABLE = supported();

    private static boolean supported() {
      if (!Files.isExecutable(Path.of(SETPRIV))) {
        return false;
      }
      try {
        Process probe =
            new ProcessBuilder(SETPRIV, "--pdeathsig", "TERM", "--", "true")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
