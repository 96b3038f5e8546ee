package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.domain.agent.AgentConditions;
import org.leadflow.lead.domain.agent.AgentPolicy;
import org.leadflow.lead.domain.agent.AgentRule;
import org.leadflow.lead.domain.agent.PublishedAgentPolicy;

/**
 * The saved versions of the agent's policy (table {@code agent_policy_version}). Saving never
 * overwrites: a version number another admin took in the meantime makes {@link #add} answer false.
 */
@ApplicationScoped
public class AgentPolicyVersions {

  @Inject ObjectMapper json;

  /** The policy as its JSON document keeps it: labels, not enum names. */
  record Document(String mode, int recentChangeHours, boolean qualifyOptIn, List<RuleDocument> rules) {}

  record RuleDocument(String name, AgentConditions when, String action, String reason) {}

  private static final String COLUMNS = "version, cast(policy as text), changed_by, changed_by_name, changed_at, note";

  public Uni<Optional<PublishedAgentPolicy>> newest() {
    return one("SELECT " + COLUMNS + " FROM agent_policy_version ORDER BY version DESC LIMIT 1");
  }

  /** Every version, newest first. */
  public Uni<List<PublishedAgentPolicy>> all() {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM agent_policy_version ORDER BY version DESC", Object[].class).getResultList())
        .map(rows -> rows.stream().map(this::published).toList());
  }

  public Uni<Boolean> add(PublishedAgentPolicy policy) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO agent_policy_version (version, policy, changed_by, changed_by_name, changed_at, note)"
                            + " VALUES (:version, cast(cast(:policy as text) as jsonb), :by, :byName, :at, :note) ON CONFLICT (version) DO NOTHING")
                    .setParameter("version", policy.version())
                    .setParameter("policy", write(policy.policy()))
                    .setParameter("by", policy.changedBy())
                    .setParameter("byName", policy.changedByName())
                    .setParameter("at", policy.changedAt())
                    .setParameter("note", policy.note())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private Uni<Optional<PublishedAgentPolicy>> one(String sql) {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(sql, Object[].class).getResultList())
        .map(rows -> rows.isEmpty() ? Optional.<PublishedAgentPolicy>empty() : Optional.of(published(rows.get(0))));
  }

  private PublishedAgentPolicy published(Object[] row) {
    return new PublishedAgentPolicy(
        ((Number) row[0]).intValue(), read((String) row[1]), (String) row[2], (String) row[3], NativeValues.instant(row[4]), (String) row[5]);
  }

  private String write(AgentPolicy policy) {
    List<RuleDocument> rules = new ArrayList<>();
    for (AgentRule rule : policy.rules()) {
      rules.add(new RuleDocument(rule.name(), rule.when(), rule.action().label(), rule.reason() == null ? null : rule.reason().label()));
    }
    try {
      return json.writeValueAsString(new Document(policy.mode().label(), policy.recentChangeHours(), policy.qualifyOptIn(), rules));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the agent's policy", e);
    }
  }

  private AgentPolicy read(String text) {
    try {
      Document document = json.readValue(text, Document.class);
      List<AgentRule> rules = new ArrayList<>();
      for (RuleDocument rule : document.rules()) {
        rules.add(
            new AgentRule(
                rule.name(), rule.when(), AgentAction.named(rule.action()), rule.reason() == null ? null : StatusReason.fromLabel(rule.reason())));
      }
      return new AgentPolicy(AgentPolicy.Mode.named(document.mode()), document.recentChangeHours(), document.qualifyOptIn(), rules);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A saved agent policy is not readable", e);
    }
  }
}
