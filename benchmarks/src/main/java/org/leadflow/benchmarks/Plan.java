package org.leadflow.benchmarks;

import java.time.Duration;
import java.util.List;

/** How long and how hard each scenario runs. */
record Plan(
    String name,
    int connections,
    Duration createWarmUp,
    Duration createDuration,
    Duration pgbenchWarmUp,
    Duration pgbenchDuration,
    double latencyRate,
    Duration latencyWarmUp,
    Duration latencyDuration,
    List<Double> stepRates,
    Duration stepDuration,
    Duration sustainedDuration,
    long readTableSize,
    double getRate,
    double listRate,
    Duration readWarmUp,
    Duration readDuration,
    Duration idleSettle,
    Duration warmUpWindow,
    Duration warmUpLimit,
    double duplicateCreateRate,
    int idleConversions) {

  /** The figures docs/benchmarks.md reports: about eight minutes on two cores. */
  static Plan full() {
    return new Plan(
        "full",
        32,
        Duration.ofSeconds(20),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        100,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        List.of(50.0, 100.0, 150.0, 200.0, 400.0, 600.0, 800.0, 1000.0, 1250.0, 1500.0, 2000.0),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        1_000_000,
        500,
        50,
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        Duration.ofSeconds(180),
        50,
        20);
  }

  /** A smoke run of every scenario in about two minutes; its figures are not the benchmark's. */
  static Plan quick() {
    return new Plan(
        "quick (smoke run, not comparable)",
        32,
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        100,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        List.of(50.0, 200.0),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        100_000,
        200,
        20,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(10),
        20,
        20);
  }
}
