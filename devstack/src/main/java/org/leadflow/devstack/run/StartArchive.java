package org.leadflow.devstack.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Application class-data sharing (AppCDS) for a packaged service: the classes one start loaded and
 * linked, archived at that process's exit, mapped by the next start instead of being read, parsed and
 * verified again (about 14,000 of the 20,000 classes lead-service loads until it is ready; a sixth
 * less CPU to ready).
 *
 * <p>The archive sits beside the jar and belongs to that build: a jar newer than the archive (every
 * build, and {@code run.sh}'s rebuild check, touch it) means it is made again, by the next start, at
 * that start's exit. The JVM itself refuses an archive whose class path does not match, and loads the
 * classes the usual way then: a wrong archive costs time, never correctness. Writing the archive
 * (about 100 MB for lead-service) lengthens that exit, by more than ten seconds on a saturated
 * machine; a process killed at its stop deadline before it finished leaves no archive, or
 * one without its header, and the next start tries again.
 */
final class StartArchive {

  static final String FILE_NAME = "leadflow-start.jsa";

  /**
   * The magic number of a dynamic archive's header. HotSpot writes the header last, after every
   * region: a file without it is a dump that was killed half-way, and is made again.
   */
  private static final int DYNAMIC_ARCHIVE_MAGIC = 0xf00baba8;

  /** From JDK 19 the JVM keeps the archive current by itself (JDK-8261455). */
  private static final int AUTO_CREATE_SINCE = 19;

  private static final String DUMP_SUFFIX = ".dump";

  /** A dump still without its header after this long was killed before it finished. */
  private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  private StartArchive() {}

  /** The JVM options that start {@code jar} from its archive, or make the archive at this start's exit. */
  static List<String> jvmOptions(Path jar) {
    return jvmOptions(jar, Runtime.version().feature());
  }

  /** As {@link #jvmOptions(Path)}, for a {@code java} of the given feature release (17, 21, ...). */
  static List<String> jvmOptions(Path jar, int javaFeatureRelease) {
    Path archive = archive(jar);
    if (javaFeatureRelease >= AUTO_CREATE_SINCE) {
      return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
    }
    if (isReady(jar)) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }
    // Each start dumps into a file of its own, so that two starts of one build at the same time (two
    // instances, two test suites) never write one file together; a later start takes a finished one.
    // The dump names every class it cannot archive (several thousand warnings): not for the log.
    Path dump = archive.resolveSibling(FILE_NAME + "." + UUID.randomUUID() + DUMP_SUFFIX);
    return List.of("-XX:ArchiveClassesAtExit=" + dump, "-Xlog:cds=off");
  }

  /**
   * Whether the next start of {@code jar} maps an archive of this build: the archive is current, or an
   * earlier start's dump that has its header (finished) and is newer than the jar is made the archive,
   * by an atomic rename. Dumps of an older jar, and dumps left without their header for an hour
   * (killed half-way), are deleted.
   */
  static boolean isReady(Path jar) {
    Path archive = archive(jar);
    try (DirectoryStream<Path> dumps = Files.newDirectoryStream(archive.getParent(), FILE_NAME + ".*" + DUMP_SUFFIX)) {
      FileTime built = Files.getLastModifiedTime(jar);
      for (Path dump : dumps) {
        try {
          FileTime written = Files.getLastModifiedTime(dump);
          if (written.compareTo(built) <= 0 || (!hasHeader(dump) && written.toInstant().isBefore(Instant.now().minus(ABANDONED_AFTER)))) {
            Files.deleteIfExists(dump);
          } else if (!isCurrent(archive, jar) && hasHeader(dump)) {
            Files.move(dump, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException e) {
          // another start took or deleted this dump at the same moment
        }
      }
    } catch (IOException e) {
      return false;
    }
    return isCurrent(archive, jar);
  }

  static Path archive(Path jar) {
    return jar.toAbsolutePath().resolveSibling(FILE_NAME);
  }

  static boolean isCurrent(Path archive, Path jar) {
    try {
      return Files.isRegularFile(archive)
          && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0
          && hasHeader(archive);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasHeader(Path archive) throws IOException {
    try (InputStream in = Files.newInputStream(archive)) {
      byte[] magic = in.readNBytes(Integer.BYTES);
      return magic.length == Integer.BYTES
          && ByteBuffer.wrap(magic).order(ByteOrder.nativeOrder()).getInt() == DYNAMIC_ARCHIVE_MAGIC;
    }
  }
}
