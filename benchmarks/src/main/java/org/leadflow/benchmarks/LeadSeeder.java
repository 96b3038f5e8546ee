package org.leadflow.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Writes leads straight into lead-service's table with SQL ({@code seed-leads.sql}). */
final class LeadSeeder {

  /** Rows per statement: big enough to be quick, small enough to show progress and not hold WAL. */
  private static final int CHUNK = 100_000;

  private final String sql = resource("benchmarks/seed-leads.sql");
  private final Connection connection;

  /** @param connection to the leads database */
  LeadSeeder(Connection connection) {
    this.connection = connection;
  }

  /**
   * Open/New leads created during the last day, tagged with {@code pool}; answers their ids.
   */
  List<UUID> openLeads(int count, String pool) throws SQLException {
    insert(count, true, 1, pool);
    List<UUID> ids = new ArrayList<>(count);
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM lead WHERE attributes @> jsonb_build_object('benchmarkPool', ?::text) ORDER BY id")) {
      select.setString(1, pool);
      try (var rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  /**
   * Leads of every status created over the last two years, until the table holds {@code total};
   * two connections insert at once, one per core.
   *
   * @param second another connection to the leads database
   */
  long fillTo(long total, Connection second) throws SQLException {
    LeadSeeder other = new LeadSeeder(second);
    long present = count();
    while (present < total) {
      int half = (int) Math.min(CHUNK, (total - present + 1) / 2);
      int rest = (int) Math.min(CHUNK, total - present - half);
      CompletableFuture<Void> parallel =
          CompletableFuture.runAsync(
              () -> {
                try {
                  other.insert(rest, false, 730, null);
                } catch (SQLException e) {
                  throw new CompletionException(e);
                }
              });
      insert(half, false, 730, null);
      try {
        parallel.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw e;
      }
      present = count();
    }
    try (Statement statement = connection.createStatement()) {
      // What autovacuum would have done on a table that grew over two years: statistics and a
      // visibility map (index-only scans).
      statement.execute("VACUUM (ANALYZE) lead");
    }
    return present;
  }

  long count() throws SQLException {
    try (Statement statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT count(*) FROM lead")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void insert(int count, boolean openOnly, int days, String pool) throws SQLException {
    if (count <= 0) {
      return;
    }
    try (Statement settings = connection.createStatement()) {
      settings.execute("SET synchronous_commit = off"); // a bulk load, not a business transaction
    }
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setBoolean(1, openOnly);
      insert.setInt(2, days);
      insert.setInt(3, count);
      insert.setString(4, pool);
      insert.setString(5, pool);
      insert.executeUpdate();
    }
  }

  static String resource(String name) {
    try (InputStream in = LeadSeeder.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
