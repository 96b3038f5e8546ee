package org.leadflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The database's own limit for what creating a lead writes: pgbench runs, in one transaction each,
 * the three inserts lead-service makes for one {@code POST /api/v1/leads} (the lead row, its audit
 * history row and its outbox row), with the values of a lead the service created, into copies of
 * the three tables (same columns, indexes and constraints) in schema {@value #SCHEMA}.
 * Copies, so that the outbox relay does not publish pgbench's rows: the service's figure includes
 * that work, pgbench's does not, which makes the ratio a fair bound for the service.
 */
final class Pgbench {

  static final String SCHEMA = "pgbench_equivalent";

  /** Columns the script computes per transaction rather than copying from the sample. */
  private static final Set<String> GENERATED =
      Set.of("id", "lead_id", "aggregate_id", "created_at", "updated_at", "occurred_at", "seq", "position", "published_at");

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final String executable;
  private final Path workDirectory;

  Pgbench(String executable, Path workDirectory) {
    this.executable = executable;
    this.workDirectory = workDirectory;
  }

  /** pgbench's version line, or a failure naming what to install. */
  String version() {
    try {
      Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pgbench does not run: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(
          "pgbench not found (" + executable + "); on Debian: apt-get install postgresql-15", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a run measured, with pgbench's own tps figure. */
  record Result(Measurement measurement, double reportedTps, String script, String output) {}

  /**
   * Prepares the copies of the tables and the script from {@code sampleLead}, a lead the service
   * created; runs a warm-up and then the measured run with {@code clients} connections.
   */
  Result run(Connection leads, UUID sampleLead, int clients, Duration warmUp, Duration duration, String host, int port, String user, String password)
      throws SQLException {
    createTables(leads);
    Map<String, String> variables = new LinkedHashMap<>();
    String script = script(leads, sampleLead, variables);
    Path scriptFile = write("create-lead.pgbench.sql", script);
    if (!warmUp.isZero()) {
      pgbench(scriptFile, variables, clients, warmUp, null, host, port, user, password);
    }
    Path logs = workDirectory.resolve("pgbench-log");
    String output = pgbench(scriptFile, variables, clients, duration, logs, host, port, user, password);
    Matcher tps = TPS.matcher(output);
    double reportedTps = tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;
    Histogram latency = Measurement.newHistogram();
    long[] failed = {0};
    readLog(logs, latency, failed);
    Map<String, Long> failures = failed[0] == 0 ? Map.of() : Map.of("failed transactions", failed[0]);
    Measurement measurement =
        new Measurement("pgbench: lead + history + outbox inserts", latency.getTotalCount(), failures, duration.toNanos() / 1e9, latency);
    return new Result(measurement, reportedTps, script, output);
  }

  private void createTables(Connection leads) throws SQLException {
    try (Statement statement = leads.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
      statement.execute("CREATE TABLE " + SCHEMA + ".lead (LIKE public.lead INCLUDING ALL)");
      statement.execute("CREATE TABLE " + SCHEMA + ".lead_history (LIKE public.lead_history INCLUDING ALL)");
      statement.execute(
          "ALTER TABLE " + SCHEMA + ".lead_history ADD FOREIGN KEY (lead_id) REFERENCES " + SCHEMA + ".lead (id)");
      statement.execute("CREATE TABLE " + SCHEMA + ".outbox_event (LIKE public.outbox_event INCLUDING ALL)");
      // UUIDv7 as lead-service's TimeOrderedIds makes them: a millisecond time, then random bits.
      statement.execute(
          "CREATE FUNCTION " + SCHEMA + ".uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$"
              + " SELECT encode(set_byte(overlay(uuid_send(gen_random_uuid()) PLACING"
              + " substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),"
              + " 6, 112 + (random() * 15)::int), 'hex')::uuid $$");
    }
  }

  /**
   * BEGIN; the lead, its history entry and its outbox event as the service wrote them for {@code
   * sample} (ids and times new per transaction; every other value a pgbench variable holding the
   * sample's); COMMIT. Prepared statements, as the service's reactive client uses.
   */
  private static String script(Connection leads, UUID sample, Map<String, String> variables) throws SQLException {
    StringBuilder script = new StringBuilder("BEGIN;\n");
    script.append(insert(leads, SCHEMA, "lead", "id", sample, variables, Map.of(
        "id", SCHEMA + ".uuid_v7()", "created_at", "now()", "updated_at", "now()"), " RETURNING id AS lead_id \\gset\n"));
    script.append(insert(leads, SCHEMA, "lead_history", "lead_id", sample, variables, Map.of(
        "id", SCHEMA + ".uuid_v7()", "lead_id", ":lead_id", "occurred_at", "now()"), ";\n"));
    script.append(insert(leads, SCHEMA, "outbox_event", "aggregate_id", sample, variables, Map.of(
        "id", "gen_random_uuid()", "aggregate_id", ":lead_id", "occurred_at", "now()"), " RETURNING position;\n"));
    return script.append("COMMIT;\n").toString();
  }

  /**
   * An INSERT into {@code schema}'s copy of {@code table} of the values of the row the service wrote
   * whose {@code keyColumn} is {@code sample} (the first, if several): {@code computed} columns take
   * the given expressions, generated ones are left out, every other non-null value becomes a pgbench
   * variable (named after the table and column) in {@code variables}.
   */
  static String insert(
      Connection database, String schema, String table, String keyColumn, Object sample, Map<String, String> variables,
      Map<String, String> computed, String ending) throws SQLException {
    return insert(database, schema, table, "public." + table + " WHERE " + keyColumn + " = ?", sample, table, variables, computed, ending);
  }

  /** As above, the sample row chosen by {@code fromWhere} ({@code "<table> WHERE ... = ?"}), variables prefixed {@code prefix}. */
  static String insert(
      Connection database, String schema, String table, String fromWhere, Object sample, String prefix,
      Map<String, String> variables, Map<String, String> computed, String ending) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Set<String> computedByTable = generatedColumns(database, table);
    try (PreparedStatement select = database.prepareStatement("SELECT * FROM " + fromWhere + " LIMIT 1")) {
      select.setObject(1, sample);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("The service wrote no " + table + " row for " + sample);
        }
        ResultSetMetaData meta = row.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String column = meta.getColumnName(i);
          String value = row.getString(i);
          if (computed.containsKey(column)) {
            columns.add(column);
            values.add(computed.get(column));
          } else if (!GENERATED.contains(column) && !computedByTable.contains(column) && value != null) {
            String variable = prefix + "_" + column;
            variables.put(variable, value);
            columns.add(column);
            values.add(":" + variable);
          }
        }
      }
    }
    return "INSERT INTO " + schema + "." + table + " (" + String.join(", ", columns) + ")\n  VALUES ("
        + String.join(", ", values) + ")" + ending;
  }

  /** The columns of {@code public.<table>} that PostgreSQL computes (generated, identity always): never inserted. */
  static Set<String> generatedColumns(Connection database, String table) throws SQLException {
    Set<String> generated = new java.util.HashSet<>();
    try (PreparedStatement select = database.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?"
            + " AND (is_generated = 'ALWAYS' OR identity_generation = 'ALWAYS')")) {
      select.setString(1, table);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          generated.add(rows.getString(1));
        }
      }
    }
    return generated;
  }

  private String pgbench(
      Path script, Map<String, String> variables, int clients, Duration duration, Path log,
      String host, int port, String user, String password) {
    return pgbench("leads", script, variables, clients, duration, log, host, port, user, password);
  }

  /** Runs pgbench on {@code database} and answers its output; fails when pgbench does. */
  String pgbench(
      String database, Path script, Map<String, String> variables, int clients, Duration duration, Path log,
      String host, int port, String user, String password) {
    List<String> command = new ArrayList<>(List.of(
        executable, "--no-vacuum", "--protocol=prepared",
        "--client=" + clients, "--jobs=2", "--time=" + duration.toSeconds(),
        "--host=" + host, "--port=" + port, "--username=" + user, "--file=" + script));
    variables.forEach((name, value) -> command.add("--define=" + name + "=" + value));
    if (log != null) {
      command.addAll(List.of("--log", "--log-prefix=" + log));
    }
    command.add(database);
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDirectory.toFile());
      builder.environment().put("PGPASSWORD", password);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pgbench failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * pgbench's per-transaction log ({@code --log}): "client transaction latency_us script epoch us",
   * one file per thread; a failed transaction has "failed" in place of its latency.
   */
  static void readLog(Path prefix, Histogram latency, long[] failed) {
    try (Stream<Path> files = Files.list(prefix.getParent())) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix.getFileName() + ".")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.forEach(line -> {
            String[] fields = line.split(" ");
            if (fields.length >= 3 && fields[2].chars().allMatch(Character::isDigit)) {
              latency.recordValue(Math.max(1, Long.parseLong(fields[2])));
            } else if (fields.length >= 3) {
              failed[0]++;
            }
          });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String name, String content) {
    try {
      Files.createDirectories(workDirectory);
      return Files.writeString(workDirectory.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
