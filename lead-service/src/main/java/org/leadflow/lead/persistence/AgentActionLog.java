package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.TimeOrderedIds;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.domain.agent.AgentDecision;

/**
 * The agent's actions on leads (table {@code lead_agent_action}), in the transaction of the change: what
 * it did, why, what the lead was before; and whether a person undid it.
 */
@ApplicationScoped
public class AgentActionLog {

  @Inject ObjectMapper json;

  /** An action in force (not undone): its id and the status reason the lead had before it. */
  public record ActionInForce(UUID id, StatusReason statusBefore, Instant actedAt) {}

  public Uni<Void> record(
      UUID leadId, UUID runId, AgentAction action, AgentDecision decision, int policyVersion, StatusReason before, Instant at) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO lead_agent_action (id, lead_id, run_id, action, rule_name, reasons, policy_version, status_before, acted_at)"
                            + " VALUES (:id, :lead, :run, :action, :rule, cast(cast(:reasons as text) as jsonb), :version, :before, :at)")
                    .setParameter("id", TimeOrderedIds.next())
                    .setParameter("lead", leadId)
                    .setParameter("run", runId)
                    .setParameter("action", action.name())
                    .setParameter("rule", decision.rule())
                    .setParameter("reasons", write(decision))
                    .setParameter("version", policyVersion)
                    .setParameter("before", before.name())
                    .setParameter("at", at)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** The newest action of this kind on the lead that no person undid, if any. */
  public Uni<Optional<ActionInForce>> inForce(UUID leadId, AgentAction action) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT id, status_before, acted_at FROM lead_agent_action WHERE lead_id = :lead AND action = :action AND undone_at IS NULL"
                            + " ORDER BY acted_at DESC LIMIT 1",
                        Object[].class)
                    .setParameter("lead", leadId)
                    .setParameter("action", action.name())
                    .getResultList())
        .map(rows -> rows.stream()
            .findFirst()
            .map(row -> new ActionInForce((UUID) row[0], StatusReason.valueOf((String) row[1]), NativeValues.instant(row[2]))));
  }

  /** A person undid the action: the agent leaves the lead alone from now on. */
  public Uni<Void> undone(UUID actionId, String by, String byName, Instant at) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("UPDATE lead_agent_action SET undone_at = :at, undone_by = :by, undone_by_name = :name WHERE id = :id")
                    .setParameter("at", at)
                    .setParameter("by", by)
                    .setParameter("name", byName)
                    .setParameter("id", actionId)
                    .executeUpdate())
        .replaceWithVoid();
  }

  private String write(AgentDecision decision) {
    try {
      return json.writeValueAsString(decision.reasons());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
