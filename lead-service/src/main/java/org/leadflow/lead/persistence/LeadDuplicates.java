package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.duplicates.DuplicateCandidate;
import org.leadflow.lead.domain.duplicates.DuplicateMode;
import org.leadflow.lead.domain.duplicates.DuplicateProbe;
import org.leadflow.lead.domain.duplicates.DuplicateRule;

/**
 * The duplicate rules' settings, and the leads each rule finds: one statement, a branch per rule,
 * each served by an index of its own (migrations V17, V25) over Open and Disqualified leads. The
 * similar-name branch looks up the probe's block (first three characters of last name and company,
 * {@code lead_name_block}) in a B-tree that carries both names, and computes the two similarities,
 * the rule itself, for that block's leads only.
 */
@ApplicationScoped
public class LeadDuplicates {

  @Inject ObjectMapper json;

  /** Candidates per rule at most, and in all. */
  public static final int LIMIT = 20;

  // A merged lead is no candidate: it lives on in its master. The partial indexes' predicate
  // (state <> 'QUALIFIED') still serves, the status reason is checked on the rows they find.
  private static final String CANDIDATE = "state <> 'QUALIFIED' AND status_reason <> 'MERGED'";
  private static final Map<DuplicateRule, String> CONDITIONS =
      Map.of(
          DuplicateRule.EMAIL, "email IS NOT NULL AND lower(email) = :email",
          DuplicateRule.PHONE, "phone IS NOT NULL AND phone = :phone",
          DuplicateRule.SIMILAR_NAME,
              "name_block IS NOT NULL AND name_block = lead_name_block(cast(:lastName as text), cast(:companyName as text))"
                  + " AND similarity(person_key, :personName) >= :similarity"
                  + " AND similarity(company_key, :companyName) >= :similarity",
          DuplicateRule.EMAIL_DOMAIN_AND_LAST_NAME,
              "email IS NOT NULL AND last_name IS NOT NULL"
                  + " AND split_part(lower(email), '@', 2) = :emailDomain AND lower(last_name) = :lastName");

  /** Each rule's mode. */
  public Uni<Map<DuplicateRule, DuplicateMode>> modes() {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("SELECT rule, mode FROM duplicate_rule", Object[].class).getResultList())
        .map(rows -> {
          Map<DuplicateRule, DuplicateMode> modes = new EnumMap<>(DuplicateRule.class);
          Arrays.stream(DuplicateRule.values()).forEach(rule -> modes.put(rule, DuplicateMode.OFF));
          rows.forEach(row -> modes.put(DuplicateRule.valueOf((String) row[0]), DuplicateMode.valueOf((String) row[1])));
          return modes;
        });
  }

  /** Who changed the rules last, and when. */
  public record Change(String by, String byName, Instant at) {}

  /** The last change of the rules; empty before any. */
  public Uni<Optional<Change>> lastChange() {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT changed_by, changed_by_name, changed_at FROM duplicate_rule WHERE changed_at IS NOT NULL"
                            + " ORDER BY changed_at DESC LIMIT 1",
                        Object[].class)
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(row -> new Change((String) row[0], (String) row[1], NativeValues.instant(row[2]))));
  }

  /** Sets each rule's mode (all rules, as one change). */
  public Uni<Void> save(Map<DuplicateRule, DuplicateMode> modes, String by, String byName, Instant at) {
    StringJoiner values = new StringJoiner(", ");
    Map<String, Object> parameters = new HashMap<>();
    int i = 0;
    for (Map.Entry<DuplicateRule, DuplicateMode> entry : modes.entrySet()) {
      values.add("(:rule" + i + ", :mode" + i + ", :by, :byName, :at)");
      parameters.put("rule" + i, entry.getKey().name());
      parameters.put("mode" + i, entry.getValue().name());
      i++;
    }
    parameters.put("by", by);
    parameters.put("byName", byName);
    parameters.put("at", at);
    String sql =
        "INSERT INTO duplicate_rule (rule, mode, changed_by, changed_by_name, changed_at) VALUES " + values
            + " ON CONFLICT (rule) DO UPDATE SET mode = excluded.mode, changed_by = excluded.changed_by,"
            + " changed_by_name = excluded.changed_by_name, changed_at = excluded.changed_at";
    return Panache.getSession()
        .chain(session -> {
          var query = session.createNativeQuery(sql);
          parameters.forEach(query::setParameter);
          return query.executeUpdate();
        })
        .replaceWithVoid();
  }

  /**
   * The leads that {@code rules} find for {@code probe}, among those of {@code owner} (null: every
   * owner's), most recently created first.
   */
  public Uni<List<DuplicateCandidate>> find(DuplicateProbe probe, Set<DuplicateRule> rules, String owner) {
    List<DuplicateRule> applied = rules.stream().filter(probe::applies).sorted().toList();
    if (applied.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Map<String, Object> parameters = new HashMap<>();
    StringJoiner branches = new StringJoiner(" UNION ALL ");
    for (DuplicateRule rule : applied) {
      StringBuilder where = new StringBuilder(CANDIDATE).append(" AND ").append(CONDITIONS.get(rule));
      if (owner != null) {
        where.append(" AND owner_id = :owner");
      }
      if (probe.self() != null) {
        where.append(" AND id <> :self");
      }
      branches.add("(SELECT id, '" + rule.name() + "' AS rule FROM lead WHERE " + where + " LIMIT " + LIMIT + ")");
      bind(rule, probe, parameters);
    }
    if (owner != null) {
      parameters.put("owner", owner);
    }
    if (probe.self() != null) {
      parameters.put("self", probe.self());
    }
    String sql =
        "WITH matched AS (" + branches + ")"
            + " SELECT l.id, l.first_name, l.last_name, l.company_name, l.email, l.phone, l.status_reason, l.owner_id,"
            + " string_agg(DISTINCT matched.rule, ',') FROM matched JOIN lead l ON l.id = matched.id"
            + " GROUP BY l.id ORDER BY l.created_at DESC, l.id DESC LIMIT " + LIMIT;
    return Panache.getSession()
        .chain(session -> {
          var query = session.createNativeQuery(sql, Object[].class);
          parameters.forEach(query::setParameter);
          return query.getResultList();
        })
        .map(rows -> {
          List<DuplicateCandidate> candidates = new ArrayList<>();
          for (Object[] row : rows) {
            candidates.add(
                new DuplicateCandidate(
                    (UUID) row[0],
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    StatusReason.valueOf((String) row[6]),
                    (String) row[7],
                    Arrays.stream(((String) row[8]).split(",")).map(DuplicateRule::valueOf).sorted().toList()));
          }
          return candidates;
        });
  }

  /** A lead found for one of several probes ({@link #findEach}), and the rules that found it. */
  public record Match(int probe, UUID id, List<DuplicateRule> matchedBy) {}

  /**
   * {@link #find} for many probes in one statement (an import's chunk): the leads that {@code rules}
   * find for each probe, among those of {@code owner} (null: every owner's), at most {@link #LIMIT}
   * per rule and probe. The conditions are those of {@link #find}, read from a probe row each.
   */
  public Uni<List<Match>> findEach(List<DuplicateProbe> probes, Set<DuplicateRule> rules, String owner) {
    if (probes.isEmpty() || rules.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    StringJoiner branches = new StringJoiner(" UNION ALL ");
    for (DuplicateRule rule : rules.stream().sorted().toList()) {
      String condition = CONDITIONS.get(rule).replace(":similarity", Double.toString(DuplicateProbe.NAME_SIMILARITY)).replaceAll(":(\\w+)", "p.\"$1\"");
      branches.add("(SELECT id, '" + rule.name() + "' AS rule FROM lead WHERE " + CANDIDATE + " AND " + condition
          + (owner == null ? "" : " AND owner_id = :owner") + " LIMIT " + LIMIT + ")");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < probes.size(); i++) {
      DuplicateProbe probe = probes.get(i);
      Map<String, Object> row = new HashMap<>();
      row.put("n", i);
      row.put("email", probe.email());
      row.put("phone", probe.phone());
      row.put("personName", probe.personName());
      row.put("companyName", probe.companyName());
      row.put("emailDomain", probe.emailDomain());
      row.put("lastName", probe.lastName());
      rows.add(row);
    }
    String sql =
        "SELECT p.n, m.id, string_agg(m.rule, ',' ORDER BY m.rule) FROM jsonb_to_recordset(cast(cast(:probes as text) as jsonb))"
            + " AS p(n int, \"email\" text, \"phone\" text, \"personName\" text, \"companyName\" text, \"emailDomain\" text, \"lastName\" text)"
            + " CROSS JOIN LATERAL (" + branches + ") m GROUP BY p.n, m.id ORDER BY p.n";
    String probesJson;
    try {
      probesJson = json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Duplicate probes cannot be written as JSON", e);
    }
    // During an import the table grows faster than its statistics: planned from stale ones, the
    // similar-name branch became a sequential scan per probe (quadratic over a file), so sequential scans
    // are off for this statement, then as they were.
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery("SELECT current_setting('enable_seqscan')", String.class)
            .getSingleResult()
            .chain(before -> session
                .createNativeQuery(
                    "SELECT set_config('enable_seqscan', 'off', true)", String.class)
                .getSingleResult()
                .chain(() -> {
                  var query = session.createNativeQuery(sql, Object[].class);
                  query.setParameter("probes", probesJson);
                  if (owner != null) {
                    query.setParameter("owner", owner);
                  }
                  return query.getResultList();
                })
                .call(() -> session
                    .createNativeQuery("SELECT set_config('enable_seqscan', :seqscan, true)", String.class)
                    .setParameter("seqscan", before)
                    .getSingleResult())))
        .map(found -> found.stream()
            .map(row -> new Match(((Number) row[0]).intValue(), (UUID) row[1], Arrays.stream(((String) row[2]).split(",")).map(DuplicateRule::valueOf).toList()))
            .toList());
  }

  private static void bind(DuplicateRule rule, DuplicateProbe probe, Map<String, Object> parameters) {
    switch (rule) {
      case EMAIL -> parameters.put("email", probe.email());
      case PHONE -> parameters.put("phone", probe.phone());
      case SIMILAR_NAME -> {
        parameters.put("personName", probe.personName());
        parameters.put("companyName", probe.companyName());
        parameters.put("lastName", probe.lastName());
        parameters.put("similarity", DuplicateProbe.NAME_SIMILARITY);
      }
      case EMAIL_DOMAIN_AND_LAST_NAME -> {
        parameters.put("emailDomain", probe.emailDomain());
        parameters.put("lastName", probe.lastName());
      }
    }
  }
}
