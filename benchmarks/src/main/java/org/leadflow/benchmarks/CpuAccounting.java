package org.leadflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who used the machine's CPU during a scenario, in cores (CPU seconds per second): each service, the
 * load generator's thread, the rest of the benchmark's JVM (the embedded Kafka broker lives there),
 * and everything else, which is PostgreSQL (and pgbench, when it runs) on an otherwise idle machine.
 */
final class CpuAccounting {

  /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
  private static final double TICKS_PER_SECOND = 100.0;

  private final Map<String, Long> processes;

  /** @param processes the process ids to account for by name, e.g. lead-service → pid */
  CpuAccounting(Map<String, Long> processes) {
    this.processes = new LinkedHashMap<>(processes);
  }

  Snapshot snapshot() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    processes.forEach((name, pid) -> seconds.put(name, processSeconds(pid)));
    double loadGenerator = loadGeneratorSeconds();
    seconds.put("benchmark JVM (Kafka broker, launcher)", processSeconds(ProcessHandle.current().pid()) - loadGenerator);
    seconds.put("load generator", loadGenerator);
    long[] machine = machineTicks();
    return new Snapshot(System.nanoTime(), seconds, machine[0] / TICKS_PER_SECOND, machine[1] / TICKS_PER_SECOND);
  }

  /** CPU time of the machine and of each accounted process at one moment. */
  record Snapshot(long takenAtNanos, Map<String, Double> seconds, double busySeconds, double totalSeconds) {

    /** Cores used by each between {@code earlier} and this snapshot, and by the rest of the machine. */
    Map<String, Double> coresSince(Snapshot earlier) {
      double wall = (takenAtNanos - earlier.takenAtNanos) / 1e9;
      Map<String, Double> cores = new LinkedHashMap<>();
      double accounted = 0;
      for (var entry : seconds.entrySet()) {
        double used = (entry.getValue() - earlier.seconds.getOrDefault(entry.getKey(), 0.0)) / wall;
        cores.put(entry.getKey(), used);
        accounted += used;
      }
      double busy = (busySeconds - earlier.busySeconds) / wall;
      cores.put("PostgreSQL and the rest", Math.max(0, busy - accounted));
      cores.put("machine busy", busy);
      return cores;
    }
  }

  /** utime + stime of a live process from /proc/PID/stat, in seconds; 0 for one that is gone. */
  static double processSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Resident memory of a process from /proc/PID/status, in MiB. */
  static double residentMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
      throw new IllegalStateException("No VmRSS for process " + pid);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Busy and total ticks of all CPUs, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        long value = Long.parseLong(fields[i]);
        total += value;
        if (i == 4 || i == 5) { // idle, iowait
          idle += value;
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double loadGeneratorSeconds() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double nanos = 0;
    for (Thread thread : List.copyOf(Thread.getAllStackTraces().keySet())) {
      if (thread.getName().startsWith(HttpLoad.THREAD_PREFIX)) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.getId()));
      }
    }
    return nanos / 1e9;
  }

  /** The load average over the last minute, as uptime shows it. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
