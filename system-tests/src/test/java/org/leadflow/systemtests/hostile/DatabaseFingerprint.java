package org.leadflow.systemtests.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.leadflow.devstack.Infrastructure;

/**
 * A fingerprint of every table of the services' databases, cheap enough to take around each request:
 * per table its row count and a hash over the row versions' physical ids and creating transactions
 * ({@code ctid}, {@code xmin}), which change with any insert, update or delete without reading the
 * (possibly megabyte-long) values. Outbox tables count rows only: the relay marks rows published in
 * the background, which is not the request's doing; a new event still adds a row. The web forms'
 * submission counters ({@code web_form_submissions}) are left out: a submission that reaches a form
 * counts against its limits whether it is then accepted or refused (a flood of invalid submissions is
 * what the limits are for), as a request budget counts refused requests; they hold no data.
 */
public final class DatabaseFingerprint implements AutoCloseable {

  private final Map<String, Connection> connections = new LinkedHashMap<>();
  private final Map<String, String> queries = new LinkedHashMap<>();
  private final ExecutorService readers = Executors.newCachedThreadPool();

  public DatabaseFingerprint(Infrastructure infrastructure, List<String> databases) {
    try {
      for (String database : databases) {
        Connection connection =
            DriverManager.getConnection(infrastructure.jdbcUrl(database), infrastructure.postgresUsername(), infrastructure.postgresPassword());
        connection.setAutoCommit(true);
        connections.put(database, connection);
        queries.put(database, query(connection));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot connect to the services' databases", e);
    }
  }

  /** {@code database.table} → {@code rows:hash}; the databases are read at the same time. */
  public Map<String, String> take() {
    List<CompletableFuture<Map<String, String>>> parts = new ArrayList<>();
    connections.keySet().forEach(database -> parts.add(CompletableFuture.supplyAsync(() -> take(database), readers)));
    Map<String, String> fingerprint = new TreeMap<>();
    parts.forEach(part -> fingerprint.putAll(part.join()));
    return fingerprint;
  }

  private Map<String, String> take(String database) {
    Map<String, String> fingerprint = new TreeMap<>();
    try (Statement statement = connections.get(database).createStatement();
        ResultSet rows = statement.executeQuery(queries.get(database))) {
      while (rows.next()) {
        fingerprint.put(database + "." + rows.getString(1), rows.getLong(2) + ":" + rows.getString(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot fingerprint database " + database, e);
    }
    return fingerprint;
  }

  /** The tables whose fingerprint differs, with both values. */
  public static List<String> changes(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    after.forEach((table, value) -> {
      if (!value.equals(before.get(table))) {
        changed.add(table + " (rows:hash " + before.get(table) + " → " + value + ")");
      }
    });
    return changed;
  }

  private static String query(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    if (tables.isEmpty()) {
      throw new IllegalStateException("No tables in " + connection.getMetaData().getURL());
    }
    List<String> parts = new ArrayList<>();
    for (String table : tables) {
      if (table.equals("web_form_submissions")) {
        continue;
      }
      String hash = table.contains("outbox") ? "0" : "coalesce(sum(hashtextextended(ctid::text || '/' || xmin::text, 0)::numeric), 0)";
      parts.add("SELECT '" + table + "', count(*), " + hash + "::text FROM \"" + table + "\"");
    }
    return String.join(" UNION ALL ", parts);
  }

  @Override
  public void close() {
    readers.shutdown();
    connections.values().forEach(connection -> {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing at the end of the run: nothing left to protect
      }
    });
  }
}
