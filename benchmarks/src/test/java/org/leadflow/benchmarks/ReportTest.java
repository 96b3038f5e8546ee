package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void theTableShowsScenariosInTheirOrderEachNamedOnceAndMarksMissedTargets() {
    Report report = new Report();
    report.row("3. Reads", "GET one", "1.00 / 4.00 ms", "p99 ≤ 10 ms", true);
    report.row("1. Lead creation", "throughput", "1,000 req/s");
    report.row("1. Lead creation", "service / pgbench", "0.40", "≥ 0.5", false);

    assertThat(report.markdown())
        .contains(
            "| 1. Lead creation | throughput | 1,000 req/s |  |  |\n"
                + "|  | service / pgbench | 0.40 | ≥ 0.5 | **missed** |\n"
                + "| 3. Reads | GET one | 1.00 / 4.00 ms | p99 ≤ 10 ms | met |\n");
  }

  @Test
  void cpuUseIsTabledPerRunWithTheLoadAverageBeforeIt() {
    Report report = new Report();
    report.cpu("create leads", Map.of("lead-service", 0.81), 0.12);

    assertThat(report.markdown()).contains("| create leads | 0.12 | 0.81 |");
  }
}
