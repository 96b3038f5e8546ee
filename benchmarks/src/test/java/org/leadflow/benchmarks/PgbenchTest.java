package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchTest {

  @Test
  void theTransactionLogOfEveryThreadIsReadAndFailedTransactionsAreCounted(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("pgbench-log.4242"), "0 0 1500 0 1732000000 1\n1 0 2500 0 1732000000 2\n");
    Files.writeString(directory.resolve("pgbench-log.4242.1"), "2 0 failed 0 1732000000 3\n3 0 9000 0 1732000000 4\n");
    Files.writeString(directory.resolve("create-lead.pgbench.sql"), "BEGIN;\n");
    Histogram latency = Measurement.newHistogram();
    long[] failed = {0};

    Pgbench.readLog(directory.resolve("pgbench-log"), latency, failed);

    assertThat(latency.getTotalCount()).isEqualTo(3);
    assertThat(latency.getMaxValue()).isBetween(8990L, 9010L);
    assertThat(failed[0]).isEqualTo(1);
  }
}
