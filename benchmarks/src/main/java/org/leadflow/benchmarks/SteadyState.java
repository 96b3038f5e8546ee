package org.leadflow.benchmarks;

import java.time.Duration;

/**
 * A service runs for days, and its first minutes belong to the JIT compiler: the measured windows of a
 * benchmark that starts seconds after launch measure compilation as much as the service. This warms
 * the services up with windows of the scenario's own load until compilation has settled (the compiler
 * threads took at most {@value #SETTLED_SHARE} of the service's CPU in the last window), so that the
 * figures measured after it are those of a service that has been running for a while.
 */
final class SteadyState {

  /** The compiler's share of the service's CPU in a window below which compilation counts as settled. */
  static final double SETTLED_SHARE = 0.03;

  /** How the warm-up went: how long, how many windows, the compiler's share in the last one. */
  record WarmUp(double seconds, int windows, double lastCompilerShare, boolean settled) {}

  private SteadyState() {}

  /**
   * Runs {@code window} (one window of load, blocking) until each of {@code services}' compiler share
   * in a window is at most {@link #SETTLED_SHARE}, or {@code limit} has passed; the share reported is
   * the highest of them.
   */
  static WarmUp warm(CpuAccounting cpu, java.util.List<String> services, Duration limit, Runnable window) {
    long started = System.nanoTime();
    int windows = 0;
    double share;
    do {
      CpuAccounting.Snapshot before = cpu.snapshot();
      window.run();
      windows++;
      java.util.Map<String, Double> shares = cpu.snapshot().compilerShareSince(before);
      share = services.stream().mapToDouble(shares::get).max().orElse(0);
    } while (share > SETTLED_SHARE && System.nanoTime() - started < limit.toNanos());
    return new WarmUp((System.nanoTime() - started) / 1e9, windows, share, share <= SETTLED_SHARE);
  }
}
