package org.leadflow.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured: requests answered as expected within the measured window, the rest by
 * what went wrong, and the latency of the expected ones in microseconds.
 */
public record Measurement(
    String name, long succeeded, Map<String, Long> failures, double seconds, Histogram latencyMicros) {

  public Measurement {
    failures = Map.copyOf(new TreeMap<>(failures));
  }

  /** A histogram wide enough for any latency the benchmark can see (up to ten minutes), 3 digits. */
  public static Histogram newHistogram() {
    return new Histogram(600_000_000L, 3);
  }

  public long failed() {
    return failures.values().stream().mapToLong(Long::longValue).sum();
  }

  public double perSecond() {
    return seconds > 0 ? succeeded / seconds : 0;
  }

  public double millisAt(double percentile) {
    return latencyMicros.getTotalCount() == 0
        ? Double.NaN
        : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
  }

  public double meanMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMean() / 1000.0;
  }
}
