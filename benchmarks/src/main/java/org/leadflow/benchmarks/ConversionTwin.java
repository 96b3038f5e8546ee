package org.leadflow.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;

/**
 * The database's own limit for a conversion: pgbench runs the statements both services make for one
 * conversion (read from their SQL log), with the values of a conversion the services made, into copies
 * of the tables (same columns, indexes, constraints and foreign keys among them) in schema {@value
 * #SCHEMA} of each service's database, so that neither relay publishes pgbench's rows.
 *
 * <ul>
 *   <li>lead database, one script run = two transactions: the qualify (the policy's version, the lead,
 *       its history entry, the {@code lead.qualified} outbox row, the lead's update) and the completion
 *       (the inbox row of {@code opportunity.created}, the lead, its history entry, the lead's update);
 *   <li>opportunity database, one script run = the conversion's transaction: the funnel fact's upsert,
 *       the inbox row, the reads that look for an earlier answer and for an account and contact to
 *       reuse (finding none, as for a new company), the advisory locks (one statement), the
 *       stage setting, then account, contact (when the sample conversion created one), opportunity,
 *       its line, its stage visit and the {@code opportunity.created} outbox row.
 * </ul>
 *
 * <p>Both run at once, each with the same number of clients, for the same time: a conversion needs
 * both, so the conversions per second the database allows are the lower of the two scripts' rates.
 * The scoring consumer's write on {@code lead.qualified} is not part of the conversion and not here.
 */
final class ConversionTwin {

  static final String SCHEMA = "pgbench_conversion";

  /** Leads copied for the qualify to update, picked at random: two clients rarely meet on one. */
  private static final int LEADS = 50_000;

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private final Pgbench pgbench;
  private final Path workDirectory;

  ConversionTwin(Pgbench pgbench, Path workDirectory) {
    this.pgbench = pgbench;
    this.workDirectory = workDirectory;
  }

  /** What the run measured: each script's rate and latency, and the conversions per second (the lower rate). */
  record Result(
      double conversionsPerSecond, Measurement leadSide, double leadTps, Measurement opportunitySide, double opportunityTps,
      String leadScript, String opportunityScript) {}

  /** The sample conversion: its lead and opportunity, converted by the services. */
  record Sample(UUID lead, UUID opportunity) {}

  /** Finds the most recent conversion the services completed. */
  static Sample lastConversion(Connection leads) throws SQLException {
    try (Statement statement = leads.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT id, conversion_opportunity_id FROM lead WHERE conversion_status = 'COMPLETED'"
                + " AND conversion_opportunity_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1")) {
      if (!rows.next()) {
        throw new IllegalStateException("No completed conversion to take the statements' values from");
      }
      return new Sample(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
    }
  }

  Result run(
      Connection leads, Connection opportunities, Sample sample, int clients, Duration warmUp, Duration duration,
      String host, int port, String user, String password) throws SQLException {
    copyTables(leads, List.of("lead", "lead_history", "outbox_event", "processed_event"));
    copyTables(opportunities, List.of(
        "processed_event", "failed_conversion", "lead_funnel_fact", "account", "contact", "opportunity", "opportunity_line",
        "opportunity_stage_visit", "outbox_event"));
    seedLeads(leads, sample.lead());
    Map<String, String> leadVariables = new LinkedHashMap<>();
    Map<String, String> opportunityVariables = new LinkedHashMap<>();
    String leadScript = leadScript(leads, sample, leadVariables);
    String opportunityScript = opportunityScript(opportunities, sample, opportunityVariables);
    Path leadFile = pgbench.write("conversion-lead.pgbench.sql", leadScript);
    Path opportunityFile = pgbench.write("conversion-opportunity.pgbench.sql", opportunityScript);
    Path leadLog = workDirectory.resolve("conversion-lead-log");
    Path opportunityLog = workDirectory.resolve("conversion-opportunity-log");
    if (!warmUp.isZero()) {
      both(leadFile, leadVariables, null, opportunityFile, opportunityVariables, null, clients, warmUp, host, port, user, password);
    }
    String[] outputs =
        both(leadFile, leadVariables, leadLog, opportunityFile, opportunityVariables, opportunityLog, clients, duration, host, port, user, password);
    double leadTps = tps(outputs[0]);
    double opportunityTps = tps(outputs[1]);
    return new Result(
        Math.min(leadTps, opportunityTps),
        measurement("pgbench: qualify + completion (lead database)", leadLog, duration),
        leadTps,
        measurement("pgbench: funnel fact + conversion (opportunity database)", opportunityLog, duration),
        opportunityTps,
        leadScript,
        opportunityScript);
  }

  private String[] both(
      Path leadFile, Map<String, String> leadVariables, Path leadLog,
      Path opportunityFile, Map<String, String> opportunityVariables, Path opportunityLog,
      int clients, Duration duration, String host, int port, String user, String password) {
    CompletableFuture<String> lead =
        CompletableFuture.supplyAsync(() -> pgbench.pgbench("leads", leadFile, leadVariables, clients, duration, leadLog, host, port, user, password));
    CompletableFuture<String> opportunity =
        CompletableFuture.supplyAsync(() -> pgbench.pgbench(
            "opportunities", opportunityFile, opportunityVariables, clients, duration, opportunityLog, host, port, user, password));
    return new String[] {lead.join(), opportunity.join()};
  }

  private static double tps(String output) {
    Matcher tps = TPS.matcher(output);
    return tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;
  }

  private static Measurement measurement(String name, Path log, Duration duration) {
    Histogram latency = Measurement.newHistogram();
    long[] failed = {0};
    Pgbench.readLog(log, latency, failed);
    Map<String, Long> failures = failed[0] == 0 ? Map.of() : Map.of("failed transactions", failed[0]);
    return new Measurement(name, latency.getTotalCount(), failures, duration.toNanos() / 1e9, latency);
  }

  /** Copies of {@code tables} in {@link #SCHEMA}, with the foreign keys among them. */
  private static void copyTables(Connection database, List<String> tables) throws SQLException {
    try (Statement statement = database.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
      for (String table : tables) {
        statement.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
      }
      for (String table : tables) {
        List<String> foreignKeys = new ArrayList<>();
        try (ResultSet keys = statement.executeQuery(
            "SELECT pg_get_constraintdef(c.oid), r.relname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid"
                + " WHERE c.contype = 'f' AND c.conrelid = 'public." + table + "'::regclass")) {
          while (keys.next()) {
            String referenced = keys.getString(2);
            if (tables.contains(referenced)) {
              foreignKeys.add(keys.getString(1).replace("REFERENCES " + referenced + "(", "REFERENCES " + SCHEMA + "." + referenced + "("));
            }
          }
        }
        for (String foreignKey : foreignKeys) {
          statement.execute("ALTER TABLE " + SCHEMA + "." + table + " ADD " + foreignKey);
        }
      }
    }
  }

  /** {@value #LEADS} copies of the sample lead, not yet converted, ids {@code md5(n)} for n = 1..{@value #LEADS}. */
  private static void seedLeads(Connection leads, UUID sample) throws SQLException {
    Set<String> generated = Pgbench.generatedColumns(leads, "lead");
    List<String> columns = new ArrayList<>();
    try (Statement statement = leads.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'lead' ORDER BY ordinal_position")) {
      while (rows.next()) {
        if (!generated.contains(rows.getString(1))) {
          columns.add(rows.getString(1));
        }
      }
    }
    String list = String.join(", ", columns);
    try (PreparedStatement insert = leads.prepareStatement(
        "INSERT INTO " + SCHEMA + ".lead (" + list + ") SELECT " + list.replace("conversion_id", "NULL").replaceFirst("\\bid\\b", "md5(g::text)::uuid")
            + " FROM public.lead, generate_series(1, " + LEADS + ") g WHERE id = ?");
        Statement analyse = leads.createStatement()) {
      insert.setObject(1, sample);
      insert.executeUpdate();
      analyse.execute("ANALYZE " + SCHEMA + ".lead");
    }
  }

  private static String leadScript(Connection leads, Sample sample, Map<String, String> variables) throws SQLException {
    String lead = "md5(:n::text)::uuid";
    StringBuilder script = new StringBuilder("\\set n random(1, " + LEADS + ")\n");
    // The qualify.
    script.append("BEGIN;\nSELECT max(version) FROM public.qualification_policy_version;\n");
    script.append("SELECT * FROM " + SCHEMA + ".lead WHERE id = " + lead + ";\n");
    script.append(Pgbench.insert(leads, SCHEMA, "lead_history", "public.lead_history WHERE lead_id = ? ORDER BY occurred_at DESC OFFSET 1",
        sample.lead(), "qualified_history", variables, Map.of("id", "gen_random_uuid()", "lead_id", lead, "occurred_at", "now()"), ";\n"));
    script.append(Pgbench.insert(leads, SCHEMA, "outbox_event",
        "public.outbox_event WHERE aggregate_id = ? AND type = '" + LeadEventTypes.QUALIFIED + "'", sample.lead(), "qualified_outbox",
        variables, Map.of("id", "gen_random_uuid()", "aggregate_id", lead, "occurred_at", "now()"), " RETURNING position;\n"));
    script.append(update(leads, sample.lead(), "qualified_lead", variables, Map.of("conversion_id", "gen_random_uuid()"), lead));
    script.append("COMMIT;\n");
    // The completion, on opportunity.created.
    script.append("BEGIN;\n");
    script.append(Pgbench.insert(leads, SCHEMA, "processed_event",
        "public.processed_event WHERE subject = ?::text AND type = '" + OpportunityEventTypes.CREATED + "'", sample.opportunity().toString(),
        "completed_inbox", variables, Map.of("event_id", "gen_random_uuid()", "processed_at", "now()"), " ON CONFLICT (event_id) DO NOTHING;\n"));
    script.append("SELECT * FROM " + SCHEMA + ".lead WHERE id = " + lead + ";\n");
    script.append(Pgbench.insert(leads, SCHEMA, "lead_history", "public.lead_history WHERE lead_id = ? ORDER BY occurred_at DESC",
        sample.lead(), "completed_history", variables, Map.of("id", "gen_random_uuid()", "lead_id", lead, "occurred_at", "now()"), ";\n"));
    script.append(update(leads, sample.lead(), "completed_lead", variables, Map.of(), lead));
    return script.append("COMMIT;\n").toString();
  }

  /**
   * The lead's update as Hibernate writes it (every column set, the version checked and raised), with
   * the sample's values as it is now; the conversion id is left as it is unless {@code computed} says.
   */
  private static String update(Connection leads, UUID sample, String prefix, Map<String, String> variables, Map<String, String> computed, String id)
      throws SQLException {
    List<String> assignments = new ArrayList<>();
    Set<String> generated = Pgbench.generatedColumns(leads, "lead");
    try (PreparedStatement select = leads.prepareStatement("SELECT * FROM public.lead WHERE id = ?")) {
      select.setObject(1, sample);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
          String column = row.getMetaData().getColumnName(i);
          String value = row.getString(i);
          if (computed.containsKey(column)) {
            assignments.add(column + " = " + computed.get(column));
          } else if (generated.contains(column) || Set.of("id", "version", "conversion_id", "created_at").contains(column)) {
            continue;
          } else if (column.equals("updated_at")) {
            assignments.add("updated_at = now()");
          } else if (value == null) {
            assignments.add(column + " = NULL");
          } else {
            variables.put(prefix + "_" + column, value);
            assignments.add(column + " = :" + prefix + "_" + column);
          }
        }
      }
    }
    return "UPDATE " + SCHEMA + ".lead SET " + String.join(", ", assignments) + ", version = version + 1\n  WHERE id = " + id + ";\n";
  }

  private static String opportunityScript(Connection opportunities, Sample sample, Map<String, String> variables) throws SQLException {
    // The funnel fact's upsert, in the conversion's transaction as opportunity-service writes it.
    StringBuilder script = new StringBuilder("\\set n random(1, 2000000000)\nBEGIN;\n");
    Map<String, String> newLead = Map.of("lead_id", "gen_random_uuid()", "owner_since", "now()", "qualified_at", "now()");
    script.append(Pgbench.insert(opportunities, SCHEMA, "lead_funnel_fact", "public.lead_funnel_fact WHERE lead_id = ?", sample.lead(), "funnel",
            variables, newLead, "")
        .replace(")\n  VALUES (", ") VALUES (")
        + " ON CONFLICT (lead_id) DO UPDATE SET owner_since = GREATEST(lead_funnel_fact.owner_since, EXCLUDED.owner_since),"
        + " qualified_at = LEAST(lead_funnel_fact.qualified_at, EXCLUDED.qualified_at);\n");
    script.append(Pgbench.insert(opportunities, SCHEMA, "processed_event",
        "public.processed_event WHERE subject = ?::text AND type = '" + LeadEventTypes.QUALIFIED + "'", sample.lead().toString(), "inbox",
        variables, Map.of("event_id", "gen_random_uuid()", "processed_at", "now()"), " ON CONFLICT (event_id) DO NOTHING;\n"));
    String fresh = "md5(:n::text || '%s')::uuid";
    script.append("SELECT * FROM " + SCHEMA + ".failed_conversion WHERE conversion_id = " + fresh.formatted("conversion") + ";\n");
    script.append("SELECT * FROM " + SCHEMA + ".opportunity WHERE id = " + fresh.formatted("opportunity")
        + " OR originating_lead_id = " + fresh.formatted("lead") + ";\n");
    // The match keys' locks, in one statement and in the keys' order, as MatchKeyLocks takes them.
    script.append("SELECT pg_advisory_xact_lock(hashtextextended(:n::text || key.value, 0))"
        + " FROM jsonb_array_elements_text('[\"account-domain\", \"account-name\", \"contact-email\", \"contact-phone\"]'::jsonb)"
        + " WITH ORDINALITY AS key(value, position) ORDER BY key.position;\n");
    script.append("SELECT * FROM " + SCHEMA + ".account WHERE id = " + fresh.formatted("account") + ";\n");
    script.append("SELECT * FROM " + SCHEMA + ".account WHERE normalized_name = :n::text OR website_domain IN (:n::text)"
        + " OR email_domain IN (:n::text) ORDER BY created_at, id OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY;\n");
    script.append("SELECT * FROM " + SCHEMA + ".contact WHERE id = " + fresh.formatted("contact") + ";\n");
    script.append("SELECT * FROM " + SCHEMA + ".contact WHERE email = :n::text OR phone = :n::text"
        + " ORDER BY created_at, id OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY;\n");
    script.append("SELECT * FROM public.opportunity_stage_setting WHERE stage = 'QUALIFY';\n");
    String accountId;
    try (PreparedStatement select = opportunities.prepareStatement("SELECT account_id, contact_id FROM public.opportunity WHERE id = ?")) {
      select.setObject(1, sample.opportunity());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        accountId = row.getString(1);
      }
    }
    Map<String, String> created = Map.of("id", "gen_random_uuid()", "created_at", "now()", "originating_lead_id", "gen_random_uuid()");
    script.append(Pgbench.insert(opportunities, SCHEMA, "account", "public.account WHERE id = ?", UUID.fromString(accountId), "account",
        variables, created, " RETURNING id AS account_id \\gset\n"));
    boolean contactCreated;
    try (PreparedStatement select = opportunities.prepareStatement("SELECT 1 FROM public.contact WHERE originating_lead_id = ?")) {
      select.setObject(1, sample.lead());
      try (ResultSet row = select.executeQuery()) {
        contactCreated = row.next();
      }
    }
    Map<String, String> opportunityColumns = new LinkedHashMap<>(created);
    opportunityColumns.putAll(Map.of("account_id", ":account_id", "conversion_id", "gen_random_uuid()", "updated_at", "now()", "stage_entered_at", "now()"));
    if (contactCreated) {
      Map<String, String> contact = new LinkedHashMap<>(created);
      contact.put("account_id", ":account_id");
      script.append(Pgbench.insert(opportunities, SCHEMA, "contact", "public.contact WHERE originating_lead_id = ?", sample.lead(), "contact",
          variables, contact, " RETURNING id AS contact_id \\gset\n"));
      opportunityColumns.put("contact_id", ":contact_id");
    } else {
      opportunityColumns.put("contact_id", "NULL");
    }
    script.append(Pgbench.insert(opportunities, SCHEMA, "opportunity", "public.opportunity WHERE id = ?", sample.opportunity(), "opportunity",
        variables, opportunityColumns, " RETURNING id AS opportunity_id \\gset\n"));
    Map<String, String> ofOpportunity = Map.of("id", "gen_random_uuid()", "opportunity_id", ":opportunity_id");
    script.append(Pgbench.insert(opportunities, SCHEMA, "opportunity_line", "public.opportunity_line WHERE opportunity_id = ?", sample.opportunity(),
        "line", variables, ofOpportunity, ";\n"));
    Map<String, String> visit = new LinkedHashMap<>(ofOpportunity);
    visit.put("entered_at", "now()");
    script.append(Pgbench.insert(opportunities, SCHEMA, "opportunity_stage_visit", "public.opportunity_stage_visit WHERE opportunity_id = ?",
        sample.opportunity(), "visit", variables, visit, ";\n"));
    script.append(Pgbench.insert(opportunities, SCHEMA, "outbox_event",
        "public.outbox_event WHERE aggregate_id = ? AND type = '" + OpportunityEventTypes.CREATED + "'", sample.opportunity(), "outbox",
        variables, Map.of("id", "gen_random_uuid()", "aggregate_id", ":opportunity_id", "occurred_at", "now()"), " RETURNING position;\n"));
    return script.append("COMMIT;\n").toString();
  }
}
