package org.leadflow.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates a service's database on a PostgreSQL server when it is not there yet. */
final class PostgresDatabases {

  private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private PostgresDatabases() {}

  static void createIfMissing(Infrastructure infra, String database) {
    if (!SAFE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("Not a plain database name: " + database);
    }
    try (Connection connection =
            DriverManager.getConnection(
                infra.jdbcUrl("postgres"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (rows.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      // Two test JVMs may race to create the same database: the loser sees duplicate_database.
      if (!"42P04".equals(e.getSQLState())) {
        throw new IllegalStateException("Could not create database " + database, e);
      }
    }
  }
}
