package org.leadflow.devstack.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartArchiveTest {

  @TempDir Path directory;
  private Path jar;

  @BeforeEach
  void packagedJar() throws IOException {
    jar = directory.resolve("quarkus-run.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // a jar with nothing but its manifest is all the JVM needs on the class path here
    }
  }

  @Test
  void theFirstStartMakesTheArchiveAtItsExitAndTheNextStartMapsIt() throws Exception {
    List<String> first = StartArchive.jvmOptions(jar, 17);
    assertThat(first).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));

    assertThat(runJava(first)).isZero();

    List<String> next = StartArchive.jvmOptions(jar, 17);
    assertThat(next).containsExactly("-XX:SharedArchiveFile=" + StartArchive.archive(jar));
    // -Xshare:on makes an archive the JVM cannot map a failed start instead of a silent fallback.
    List<String> mustMap = new ArrayList<>(next);
    mustMap.add("-Xshare:on");
    assertThat(runJava(mustMap)).isZero();
  }

  @Test
  void twoStartsOfOneBuildAtOnceDumpIntoFilesOfTheirOwnAndTheNextStartMapsTheFirstFinished() throws Exception {
    List<String> one = StartArchive.jvmOptions(jar, 17);
    List<String> other = StartArchive.jvmOptions(jar, 17);
    assertThat(one.get(0)).startsWith("-XX:ArchiveClassesAtExit=").isNotEqualTo(other.get(0));

    assertThat(runJava(one)).isZero();

    assertThat(StartArchive.isReady(jar)).isTrue();
    assertThat(StartArchive.jvmOptions(jar, 17)).containsExactly("-XX:SharedArchiveFile=" + StartArchive.archive(jar));
  }

  @Test
  void aJarBuiltAfterTheArchiveIsArchivedAgain() throws Exception {
    runJava(StartArchive.jvmOptions(jar, 17));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

    assertThat(StartArchive.jvmOptions(jar, 17))
        .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void anArchiveWithoutItsHeaderIsADumpThatWasKilledAndIsMadeAgain() throws IOException {
    Path archive = StartArchive.archive(jar);
    Files.write(archive, new byte[4096]);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

    assertThat(StartArchive.isCurrent(archive, jar)).isFalse();
    assertThat(StartArchive.jvmOptions(jar, 17))
        .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
  }

  @Test
  void fromJava19TheJvmKeepsTheArchiveCurrentItself() {
    assertThat(StartArchive.jvmOptions(jar, 21))
        .containsExactly(
            "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + StartArchive.archive(jar));
  }

  /** Starts this test's {@code java} with the options and the jar on the class path, to its exit. */
  private int runJava(List<String> options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(options);
    command.addAll(List.of("-cp", jar.toString(), "-version"));
    Process java =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("java.log").toFile())
            .start();
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return java.exitValue();
  }
}
