package org.leadflow.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;

/** Plain JDBC on the test application's database ("messaging"), to look at what the module wrote. */
final class TestDatabase {

  private TestDatabase() {}

  static long count(String sql, Object... parameters) {
    return ((Number) column(sql, parameters).get(0)).longValue();
  }

  /** The first column of every row. */
  static List<Object> column(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement query = prepare(db, sql, parameters);
        ResultSet rows = query.executeQuery()) {
      List<Object> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getObject(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static void execute(String sql, Object... parameters) {
    try (Connection db = connect();
        PreparedStatement statement = prepare(db, sql, parameters)) {
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static Connection connect() throws SQLException {
    Infrastructure infra = SharedInfrastructure.get();
    return DriverManager.getConnection(infra.jdbcUrl("messaging"), infra.postgresUsername(), infra.postgresPassword());
  }

  static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
