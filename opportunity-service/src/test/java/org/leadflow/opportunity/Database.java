package org.leadflow.opportunity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;

/** Reads (and, for fault tests, changes) opportunity-service's database directly, over JDBC. */
public final class Database {

  private Database() {}

  /** The first column of the first row, or null when there is no row. */
  public static Object value(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static long count(String sql, Object... parameters) {
    return ((Number) value(sql, parameters)).longValue();
  }

  /**
   * Waits until the opportunity exists. For set-ups that run before REST Assured knows the test
   * application's port (a static {@code @BeforeAll}).
   */
  public static void awaitOpportunity(UUID id) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("SELECT count(*) FROM opportunity WHERE id = ?", id) == 1);
  }

  public static void execute(String sql) {
    try (Connection db = connect()) {
      db.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Connection connect() throws SQLException {
    Infrastructure infra = SharedInfrastructure.get();
    return DriverManager.getConnection(infra.jdbcUrl("opportunities"), infra.postgresUsername(), infra.postgresPassword());
  }
}
