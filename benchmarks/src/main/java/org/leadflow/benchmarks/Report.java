package org.leadflow.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's results: one table of the figures the issue asks for, each against its target,
 * then the machine, the CPU each party used per scenario, and notes; as Markdown for people and
 * JSON (with every percentile) for tools.
 */
final class Report {

  /** One line of the table. {@code met} is null for a figure without a target. */
  record Row(String scenario, String figure, String measured, String target, Boolean met) {}

  private final Map<String, Object> machine = new LinkedHashMap<>();
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
  private final Map<String, Double> loadBefore = new LinkedHashMap<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  void machine(String key, Object value) {
    machine.put(key, value);
  }

  void row(String scenario, String figure, String measured, String target, Boolean met) {
    rows.add(new Row(scenario, figure, measured, target, met));
  }

  void row(String scenario, String figure, String measured) {
    row(scenario, figure, measured, "", null);
  }

  void cpu(String scenario, Map<String, Double> cores, double loadAverageBefore) {
    cpu.put(scenario, cores);
    loadBefore.put(scenario, loadAverageBefore);
  }

  void detail(String key, Object value) {
    details.put(key, value);
  }

  void note(String note) {
    notes.add(note);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The figures of a measurement, for the JSON. */
  static Map<String, Object> figures(Measurement measurement) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("name", measurement.name());
    figures.put("succeeded", measurement.succeeded());
    figures.put("failures", measurement.failures());
    figures.put("seconds", round(measurement.seconds()));
    figures.put("perSecond", round(measurement.perSecond()));
    figures.put("meanMs", round(measurement.meanMillis()));
    for (double percentile : new double[] {50, 90, 95, 99, 99.9}) {
      figures.put("p" + (percentile == 99.9 ? "99.9" : String.valueOf((int) percentile)) + "Ms", round(measurement.millisAt(percentile)));
    }
    figures.put("maxMs", round(measurement.maxMillis()));
    return figures;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("| scenario | figure | measured | target | |\n|---|---|---|---|---|\n");
    String previous = null;
    // Scenarios in their numbered order, whatever order they were measured in (footprint first).
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(java.util.Comparator.comparing(Row::scenario));
    for (Row row : ordered) {
      md.append("| ").append(row.scenario().equals(previous) ? "" : row.scenario())
          .append(" | ").append(row.figure())
          .append(" | ").append(row.measured())
          .append(" | ").append(row.target())
          .append(" | ").append(row.met() == null ? "" : row.met() ? "met" : "**missed**")
          .append(" |\n");
      previous = row.scenario();
    }
    md.append("\nMachine:\n\n");
    machine.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
    if (!cpu.isEmpty()) {
      List<String> parties = new ArrayList<>();
      cpu.values().forEach(cores -> cores.keySet().forEach(party -> {
        if (!parties.contains(party)) {
          parties.add(party);
        }
      }));
      md.append("\nCPU used during each measured run, in cores (the machine has ")
          .append(Runtime.getRuntime().availableProcessors())
          .append("), and the 1-minute load average just before it:\n\n| run | load avg |");
      parties.forEach(party -> md.append(' ').append(party).append(" |"));
      md.append("\n|---|---|").append("---|".repeat(parties.size())).append('\n');
      cpu.forEach((run, cores) -> {
        md.append("| ").append(run).append(" | ").append(format("%.2f", loadBefore.get(run))).append(" |");
        parties.forEach(party -> md.append(' ').append(cores.containsKey(party) ? format("%.2f", cores.get(party)) : "").append(" |"));
        md.append('\n');
      });
    }
    if (!notes.isEmpty()) {
      md.append("\nNotes:\n\n");
      notes.forEach(note -> md.append("- ").append(note).append('\n'));
    }
    return md.toString();
  }

  void write(Path markdownFile, Path jsonFile, String heading) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("machine", machine);
    json.put("table", rows);
    json.put("cpuCores", cpu);
    json.put("loadAverageBefore", loadBefore);
    json.put("details", details);
    json.put("notes", notes);
    try {
      Files.createDirectories(markdownFile.getParent());
      Files.writeString(markdownFile, heading + "\n\n" + markdown());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  static String millis(double value) {
    return Double.isNaN(value) ? "n/a" : value < 10 ? format("%.2f ms", value) : format("%.1f ms", value);
  }

  static String rate(double value, String unit) {
    return format("%,.0f %s", value, unit);
  }

  static double round(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? -1 : Math.round(value * 1000) / 1000.0;
  }
}
