package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuAccountingTest {

  private final long self = ProcessHandle.current().pid();

  @Test
  void countsTheJitCompilerThreadsOfARunningJvmAsPartOfItsTime() {
    double compiling = CpuAccounting.compilerSeconds(self);
    double total = CpuAccounting.processSeconds(self);

    // This JVM has compiled JUnit, AssertJ and the test itself by now.
    assertThat(compiling).isPositive().isLessThanOrEqualTo(total);
  }

  @Test
  void answersNothingForAProcessThatIsGone() {
    assertThat(CpuAccounting.compilerSeconds(Long.MAX_VALUE)).isZero();
  }

  @Test
  void reportsTheCompilersShareOfEachProcessBetweenTwoSnapshots() {
    CpuAccounting cpu = new CpuAccounting(Map.of("this JVM", self));
    CpuAccounting.Snapshot before = cpu.snapshot();
    long sum = 0;
    for (int round = 0; round < 50_000_000; round++) {
      sum += Integer.toString(round).hashCode();
    }
    CpuAccounting.Snapshot after = cpu.snapshot();

    assertThat(sum).isNotZero();
    assertThat(after.compilerShareSince(before)).containsOnlyKeys("this JVM");
    assertThat(after.compilerShareSince(before).get("this JVM")).isBetween(0.0, 1.0);
    assertThat(after.coresSince(before)).containsKeys("this JVM", "this JVM: JIT compiler");
  }
}
