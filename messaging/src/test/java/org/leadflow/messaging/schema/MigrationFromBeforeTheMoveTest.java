package org.leadflow.messaging.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.SharedInfrastructure;

/**
 * The outbox and inbox tables moved from the services' migrations to the module's location
 * ({@code db/messaging}). A database that each service migrated before the move (its migrations of
 * that time: today's, with the SQL of the versions the move changed as it was, kept in
 * {@code schema-before-move/}, and with the checksums deployed databases recorded for every version
 * edited since) migrates and validates with today's migrations, keeps its rows, and ends with the
 * schema of a database migrated from scratch.
 */
class MigrationFromBeforeTheMoveTest {

  private static final Path MESSAGING = Path.of("src/main/resources/db/messaging");
  private static final Path BEFORE_THE_MOVE = Path.of("src/test/resources/schema-before-move");
  private static final String CALLBACK_PREFIX = "beforeValidate__";

  /**
   * What databases migrated before the edits recorded for the versions edited since (the outbox and
   * inbox moved out; comments cite docs/architecture.md): the texts they applied are not all kept,
   * their checksums are.
   */
  private static final Map<String, Map<String, Integer>> APPLIED_CHECKSUMS =
      Map.of(
          "lead-service",
          Map.of(
              "V1__leads_outbox.sql", -1074298086,
              "V2__lifecycle_qualification_activities_history.sql", -1325648311,
              "V4__conversion_inbox.sql", 256380464,
              "V7__outbox_relay_polls_instead_of_notify.sql", -1085016152),
          "opportunity-service",
          Map.of(
              "V1__inbox.sql", -1117657038,
              "V2__accounts_contacts_opportunities_outbox.sql", -697654834,
              "V3__outbox_relay_polls_instead_of_notify.sql", -1085016152));

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"lead-service", "opportunity-service"})
  void aDatabaseMigratedBeforeTheMoveMigratesAndValidatesAndEndsWithTheSchemaOfANewOne(String service) {
    String upgraded = database(service + "_upgraded");
    String fresh = database(service + "_fresh");
    migrateAsBeforeTheEdits(service, upgraded);
    UUID eventId = UUID.randomUUID();
    execute(upgraded, "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, payload)"
        + " VALUES ('" + eventId + "', 'Lead', gen_random_uuid(), 'leadflow.test.v1', now(), '{}')");
    execute(upgraded, "INSERT INTO processed_event (event_id, type, source, outcome, processed_at)"
        + " VALUES ('" + eventId + "', 'leadflow.test.v1', '/test', 'PROCESSED', now())");

    Flyway today = migrationsToday(service, upgraded);
    today.migrate();
    today.validate();
    migrationsToday(service, fresh).migrate();

    assertThat(today.info().all()).allSatisfy(migration -> assertThat(migration.getState()).isIn(MigrationState.SUCCESS, MigrationState.SUPERSEDED));
    assertThat(query(upgraded, "SELECT count(*) FROM outbox_event WHERE id = '" + eventId + "'")).containsExactly("1");
    assertThat(query(upgraded, "SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'")).containsExactly("1");
    assertThat(schema(upgraded)).isEqualTo(schema(fresh)).contains(
        "column outbox_event.published_at timestamp with time zone null",
        "column outbox_event.trace_parent text null",
        "column outbox_event.trace_state text null",
        "index outbox_event_unpublished_idx: CREATE INDEX outbox_event_unpublished_idx ON public.outbox_event USING btree (\"position\") WHERE (published_at IS NULL)",
        "column processed_event.event_id uuid not null",
        "index processed_event_processed_at_idx: CREATE INDEX processed_event_processed_at_idx ON public.processed_event USING btree (processed_at)");
    assertThat(schema(upgraded)).noneMatch(line -> line.contains("notify"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lead-service", "opportunity-service"})
  void anAppliedMigrationChangedInAnyOtherWayStillFailsValidation(String service) {
    String database = database(service + "_tampered");
    migrateAsBeforeTheEdits(service, database);
    execute(database, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

    assertThatThrownBy(() -> migrationsToday(service, database).validate())
        .isInstanceOf(FlywayException.class)
        .hasMessageContaining("checksum mismatch");
  }

  /** Migrates {@code database} as the service did before the edits, with the checksums recorded then. */
  private void migrateAsBeforeTheEdits(String service, String database) {
    migrationsBeforeTheMove(service, database).migrate();
    APPLIED_CHECKSUMS.get(service).forEach(
        (script, checksum) ->
            execute(database, "UPDATE flyway_schema_history SET checksum = " + checksum + " WHERE script = '" + script + "'"));
  }

  /** The service's migrations as they were before the move, with the module's location of that time. */
  private Flyway migrationsBeforeTheMove(String service, String database) {
    Path migrations = temp.resolve(service);
    copy(serviceMigrations(service), migrations);
    copy(BEFORE_THE_MOVE.resolve(service), migrations);
    delete(migrations, CALLBACK_PREFIX);
    Path messaging = temp.resolve("messaging");
    copy(MESSAGING, messaging);
    delete(messaging, "R__outbox");
    delete(messaging, "R__inbox");
    return flyway(database, migrations, messaging);
  }

  private Flyway migrationsToday(String service, String database) {
    return flyway(database, serviceMigrations(service), MESSAGING);
  }

  /** As the services configure it: quarkus.flyway.locations=db/migration,db/messaging. */
  private static Flyway flyway(String database, Path migrations, Path messaging) {
    Infrastructure infra = SharedInfrastructure.get();
    return Flyway.configure()
        .dataSource(infra.jdbcUrl(database), infra.postgresUsername(), infra.postgresPassword())
        .locations("filesystem:" + migrations.toAbsolutePath(), "filesystem:" + messaging.toAbsolutePath())
        .load();
  }

  private static Path serviceMigrations(String service) {
    return Path.of("..", service, "src/main/resources/db/migration");
  }

  /** A new, empty database. */
  private static String database(String prefix) {
    String name = prefix.replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 8);
    SharedInfrastructure.get().createDatabaseIfMissing(name);
    return name;
  }

  /** Columns, constraints, indexes, triggers and functions of the public schema, Flyway's table aside. */
  private static List<String> schema(String database) {
    List<String> schema = new ArrayList<>();
    schema.addAll(query(database,
        "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type"
            + " || coalesce('(' || character_maximum_length || ')', '') || CASE WHEN is_nullable = 'YES' THEN ' null' ELSE ' not null' END"
            + " || coalesce(' default ' || column_default, '') || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END"
            + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"
            + " ORDER BY table_name, column_name"));
    schema.addAll(query(database,
        "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ': ' || pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
            + " AND conrelid <> 'flyway_schema_history'::regclass ORDER BY 1"));
    schema.addAll(query(database,
        "SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes"
            + " WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY indexname"));
    schema.addAll(query(database,
        "SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"));
    schema.addAll(query(database,
        "SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1"));
    return schema;
  }

  private static List<String> query(String database, String sql) {
    try (Connection db = connect(database);
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void execute(String database, String sql) {
    try (Connection db = connect(database);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    Infrastructure infra = SharedInfrastructure.get();
    return DriverManager.getConnection(infra.jdbcUrl(database), infra.postgresUsername(), infra.postgresPassword());
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.list(from)) {
      Files.createDirectories(to);
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path directory, String prefix) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
