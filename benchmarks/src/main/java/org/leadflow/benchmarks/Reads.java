package org.leadflow.benchmarks;

import io.vertx.core.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.leadflow.devstack.run.LeadflowService;

/**
 * Reading leads from a large table: {@code GET /api/v1/leads/{id}} of random leads, their readiness,
 * and the first pages of a filtered list sorted newest first, as a seller's list view asks for them.
 */
final class Reads {

  /** The countries a list filters by, the most common ones of the seeded table. */
  private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "IN", "FR", "AU", "CA", "NL");
  private static final List<String> STATES = List.of("Open", "Disqualified");

  /**
   * The list query as lead-service sends it (Hibernate's SQL, with its parameters filled in), for the
   * largest country: its total counts the most rows.
   */
  static final String LIST_PAGE_SQL =
      "SELECT * FROM lead WHERE country = 'US' AND state = 'OPEN'"
          + " ORDER BY created_at DESC, id DESC OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY";
  static final String LIST_COUNT_SQL = "SELECT count(*) FROM lead WHERE country = 'US' AND state = 'OPEN'";

  private final HttpLoad load;
  private final Stack stack;
  private final Connection leads;
  private List<UUID> sampledIds;

  Reads(HttpLoad load, Stack stack, Connection leads) {
    this.load = load;
    this.stack = stack;
    this.leads = leads;
  }

  Measurement getById(double perSecond, Duration warmUp, Duration duration) {
    return getOne("GET one lead", "", perSecond, warmUp, duration);
  }

  /** {@code GET /api/v1/leads/{id}/readiness}: the lead measured against the qualification policy in force. */
  Measurement readiness(double perSecond, Duration warmUp, Duration duration) {
    return getOne("readiness of one lead", "/readiness", perSecond, warmUp, duration);
  }

  private Measurement getOne(String name, String subPath, double perSecond, Duration warmUp, Duration duration) {
    List<UUID> ids = sampledIds();
    HttpClient client = load.client(stack.port(LeadflowService.LEAD_SERVICE), 32);
    return load.fixedRate(
        name + " at " + (int) perSecond + "/s",
        client,
        perSecond,
        warmUp,
        duration,
        index -> Request.get("/api/v1/leads/" + ids.get((int) (index % ids.size())) + subPath),
        status -> status == 200,
        (index, reply, at) -> {});
  }

  /** {@code ?country=..&state=..&sort=createdAt,desc&size=50&page=0..2}, countries and states varied. */
  Measurement listPage(double perSecond, Duration warmUp, Duration duration) {
    HttpClient client = load.client(stack.port(LeadflowService.LEAD_SERVICE), 32);
    Random random = new Random(7);
    return load.fixedRate(
        "list page at " + (int) perSecond + "/s",
        client,
        perSecond,
        warmUp,
        duration,
        index ->
            Request.get(
                "/api/v1/leads?country=" + COUNTRIES.get(random.nextInt(COUNTRIES.size()))
                    + "&state=" + STATES.get(random.nextInt(STATES.size()))
                    + "&sort=createdAt,desc&size=50&page=" + random.nextInt(3)),
        status -> status == 200,
        (index, reply, at) -> {});
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of the list's two statements: the page and the total. */
  String explainList() throws SQLException {
    return explain(LIST_PAGE_SQL) + "\n" + explain(LIST_COUNT_SQL);
  }

  private String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder(sql).append('\n');
    try (Statement statement = leads.createStatement();
        ResultSet rows = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /** 20,000 random leads' ids, sampled once: every run reads the same ones, in the same order. */
  private List<UUID> sampledIds() {
    if (sampledIds == null) {
      try {
        sampledIds = sampleIds(20_000);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not sample lead ids", e);
      }
    }
    return sampledIds;
  }

  private List<UUID> sampleIds(int count) throws SQLException {
    List<UUID> ids = new ArrayList<>(count);
    try (Statement statement = leads.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM lead TABLESAMPLE SYSTEM (5) LIMIT " + count)) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    Collections.shuffle(ids, new Random(11));
    return ids;
  }
}
