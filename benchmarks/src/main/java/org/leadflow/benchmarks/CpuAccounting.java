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
    Map<String, Double> compiling = new LinkedHashMap<>();
    processes.forEach((name, pid) -> {
      seconds.put(name, processSeconds(pid));
      compiling.put(name, compilerSeconds(pid));
    });
    double loadGenerator = loadGeneratorSeconds();
    seconds.put("benchmark JVM (Kafka broker, launcher)", processSeconds(ProcessHandle.current().pid()) - loadGenerator);
    seconds.put("load generator", loadGenerator);
    long[] machine = machineTicks();
    return new Snapshot(
        System.nanoTime(), seconds, compiling, machine[0] / TICKS_PER_SECOND, machine[1] / TICKS_PER_SECOND);
  }

  /**
   * CPU time of the machine and of each accounted process at one moment, and of each service's JIT
   * compiler threads (part of the service's own time).
   */
  record Snapshot(
      long takenAtNanos,
      Map<String, Double> seconds,
      Map<String, Double> compilerSeconds,
      double busySeconds,
      double totalSeconds) {

    /**
     * The share of each service's CPU that its JIT compiler took between {@code earlier} and this
     * snapshot, 0–1 (0 for a service that used no CPU at all).
     */
    Map<String, Double> compilerShareSince(Snapshot earlier) {
      Map<String, Double> shares = new LinkedHashMap<>();
      compilerSeconds.forEach((name, compiled) -> {
        double used = seconds.get(name) - earlier.seconds.getOrDefault(name, 0.0);
        double compiling = compiled - earlier.compilerSeconds.getOrDefault(name, 0.0);
        shares.put(name, used <= 0 ? 0 : Math.min(1, compiling / used));
      });
      return shares;
    }

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
      // Not added to the accounted time: the compiler's threads are part of their service's.
      compilerSeconds.forEach((name, compiled) ->
          cores.put(name + ": JIT compiler", (compiled - earlier.compilerSeconds.getOrDefault(name, 0.0)) / wall));
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

  /**
   * CPU time of a process's JIT compiler threads (HotSpot names them "C1 CompilerThreadN" and "C2
   * CompilerThreadN"; the kernel keeps the first 15 characters), in seconds; 0 for a process that is
   * gone. A thread that ended took its time with it: HotSpot stops idle compiler threads, so this
   * is a lower bound.
   */
  static double compilerSeconds(long pid) {
    double seconds = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            seconds += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
          }
        } catch (IOException e) {
          // The thread ended between listing and reading.
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return seconds;
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
