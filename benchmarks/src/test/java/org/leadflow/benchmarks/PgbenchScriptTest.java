package org.leadflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.EmbeddedPostgresServer;

/** The pgbench statements made from a row the service wrote, against the embedded PostgreSQL. */
class PgbenchScriptTest {

  private static EmbeddedPostgresServer postgres;
  private static Connection database;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgresServer.start(null, 0);
    database =
        DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + postgres.port() + "/postgres", EmbeddedPostgresServer.USERNAME, EmbeddedPostgresServer.PASSWORD);
    try (Statement statement = database.createStatement()) {
      statement.execute(
          "CREATE TABLE lead (id uuid PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, first_name text, last_name text,"
              + " name_key text GENERATED ALWAYS AS (lower(last_name)) STORED, company text, created_at timestamptz)");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
    postgres.close();
  }

  @Test
  void anInsertCopiesTheSampleRowsValuesAsVariablesAndLeavesOutWhatPostgresComputesAndEmptyColumns() throws Exception {
    UUID sample = UUID.randomUUID();
    try (var insert = database.prepareStatement("INSERT INTO lead (id, first_name, last_name, created_at) VALUES (?, 'Ada', 'Lovelace', now())")) {
      insert.setObject(1, sample);
      insert.executeUpdate();
    }
    Map<String, String> variables = new LinkedHashMap<>();

    String script =
        Pgbench.insert(database, "copy", "lead", "id", sample, variables, Map.of("id", "gen_random_uuid()", "created_at", "now()"), ";\n");

    assertThat(script)
        .isEqualTo("INSERT INTO copy.lead (id, first_name, last_name, created_at)\n"
            + "  VALUES (gen_random_uuid(), :lead_first_name, :lead_last_name, now());\n");
    assertThat(variables).containsExactly(Map.entry("lead_first_name", "Ada"), Map.entry("lead_last_name", "Lovelace"));
    assertThat(Pgbench.generatedColumns(database, "lead")).containsExactlyInAnyOrder("seq", "name_key");
  }
}
