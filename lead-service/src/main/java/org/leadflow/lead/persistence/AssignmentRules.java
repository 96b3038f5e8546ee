package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.assignment.AssignmentRule;
import org.leadflow.lead.domain.assignment.AssignmentRuleSet;

/** The assignment rules, in order, and the turns their teams take. */
@ApplicationScoped
public class AssignmentRules {

  @Inject ObjectMapper json;

  /** What a rule compares, as its {@code conditions} document keeps it. */
  record Conditions(List<String> sources, List<String> countries, List<String> industries, Integer minEmployees, Integer maxEmployees) {}

  public Uni<AssignmentRuleSet> all() {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT id, name, cast(conditions as text), distribution, cast(team as text), changed_by, changed_by_name, changed_at"
                            + " FROM assignment_rule ORDER BY position",
                        Object[].class)
                    .getResultList())
        .map(rows -> {
          List<AssignmentRule> rules = new ArrayList<>();
          for (Object[] row : rows) {
            rules.add(rule(row));
          }
          return rows.isEmpty()
              ? new AssignmentRuleSet(rules, null, null, null)
              : new AssignmentRuleSet(rules, (String) rows.get(0)[5], (String) rows.get(0)[6], NativeValues.instant(rows.get(0)[7]));
        });
  }

  /** Replaces every rule, in order (their turns start again). */
  public Uni<Void> replace(List<AssignmentRule> rules, String by, String byName, Instant at) {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("DELETE FROM assignment_rule").executeUpdate())
        .chain(() -> insert(rules, 0, by, byName, at));
  }

  private Uni<Void> insert(List<AssignmentRule> rules, int position, String by, String byName, Instant at) {
    if (position == rules.size()) {
      return Uni.createFrom().voidItem();
    }
    AssignmentRule rule = rules.get(position);
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO assignment_rule (id, position, name, conditions, distribution, team, changed_by, changed_by_name, changed_at)"
                            + " VALUES (:id, :position, :name, cast(cast(:conditions as text) as jsonb), :distribution,"
                            + " cast(cast(:team as text) as jsonb), :by, :byName, :at)")
                    .setParameter("id", rule.id())
                    .setParameter("position", position)
                    .setParameter("name", rule.name())
                    .setParameter("conditions", write(conditions(rule)))
                    .setParameter("distribution", rule.distribution().name())
                    .setParameter("team", write(rule.team()))
                    .setParameter("by", by)
                    .setParameter("byName", byName)
                    .setParameter("at", at)
                    .executeUpdate())
        .chain(() -> insert(rules, position + 1, by, byName, at));
  }

  /** Takes the rule's next turn: the turns taken before it (one statement, so concurrent leads take different turns). */
  public Uni<Long> takeTurn(UUID ruleId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("UPDATE assignment_rule SET next_turn = next_turn + 1 WHERE id = :id RETURNING next_turn - 1", Long.class)
                    .setParameter("id", ruleId)
                    .getSingleResult());
  }

  /** How many Open leads each of {@code team} owns (those with none are left out). */
  public Uni<Map<String, Long>> openLeads(List<String> team) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT owner_id, count(*) FROM lead WHERE state = :open AND owner_id IN (:team) GROUP BY owner_id", Object[].class)
                    .setParameter("open", LeadState.OPEN.name())
                    .setParameter("team", team)
                    .getResultList())
        .map(rows -> {
          Map<String, Long> counts = new HashMap<>();
          rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
          return counts;
        });
  }

  private AssignmentRule rule(Object[] row) {
    try {
      Conditions conditions = json.readValue((String) row[2], Conditions.class);
      List<String> team = json.readValue((String) row[4], new TypeReference<List<String>>() {});
      Set<LeadSource> sources = new LinkedHashSet<>();
      conditions.sources().forEach(source -> sources.add(LeadSource.valueOf(source)));
      return new AssignmentRule(
          (UUID) row[0],
          (String) row[1],
          sources,
          Set.copyOf(conditions.countries()),
          Set.copyOf(conditions.industries()),
          conditions.minEmployees(),
          conditions.maxEmployees(),
          AssignmentRule.Distribution.valueOf((String) row[3]),
          team);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An assignment rule cannot be read", e);
    }
  }

  private static Conditions conditions(AssignmentRule rule) {
    return new Conditions(
        rule.sources().stream().map(Enum::name).sorted().toList(),
        rule.countries().stream().sorted().toList(),
        rule.industries().stream().sorted().toList(),
        rule.minEmployees(),
        rule.maxEmployees());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An assignment rule cannot be written", e);
    }
  }
}
