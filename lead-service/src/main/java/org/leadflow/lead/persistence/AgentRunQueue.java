package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.agent.AgentDecision;
import org.leadflow.lead.domain.agent.AgentRun;

/**
 * The agent's runs (table {@code agent_run}): queued by the schedule or on demand, each claimed by one
 * instance at a time ({@code FOR UPDATE SKIP LOCKED}) and held for a while after each batch; a run
 * whose instance stopped is claimed again once its hold has passed, and goes on after its last lead.
 */
@ApplicationScoped
public class AgentRunQueue {

  @Inject ObjectMapper json;

  /** A claimed run: where it stopped, and whether it only reports. */
  public record Claimed(UUID id, boolean dryRun, UUID afterLead) {}

  /** A decision as the run's report keeps it. */
  record DecisionDocument(UUID leadId, String outcome, String rule, String statusReason, List<String> reasons) {}

  private static final String COLUMNS =
      "id, trigger, dry_run, status, policy_version, requested_by, requested_by_name, requested_at, started_at, finished_at,"
          + " evaluated, acted, skipped, cast(decisions as text), error";

  /** Queues a run; a scheduled one only when no scheduled run is queued or running: true when queued. */
  public Uni<Boolean> enqueue(UUID id, AgentRun.Trigger trigger, boolean dryRun, String by, String byName, Instant at) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO agent_run (id, trigger, dry_run, status, requested_by, requested_by_name, requested_at)"
                            + " VALUES (:id, :trigger, :dryRun, 'QUEUED', :by, :byName, :at)"
                            + " ON CONFLICT (trigger) WHERE trigger = 'SCHEDULE' AND status IN ('QUEUED', 'RUNNING') DO NOTHING")
                    .setParameter("id", id)
                    .setParameter("trigger", trigger.name())
                    .setParameter("dryRun", dryRun)
                    .setParameter("by", by)
                    .setParameter("byName", byName)
                    .setParameter("at", at)
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** The oldest queued run, or a running one whose hold has passed, claimed until {@code until}. */
  public Uni<Optional<Claimed>> claimNext(Instant now, Instant until) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE agent_run SET status = 'RUNNING', started_at = coalesce(started_at, :now), claimed_until = :until"
                            + " WHERE id = (SELECT id FROM agent_run WHERE status = 'QUEUED' OR (status = 'RUNNING' AND claimed_until < :now)"
                            + " ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                            + " RETURNING id, dry_run, after_lead",
                        Object[].class)
                    .setParameter("now", now)
                    .setParameter("until", until)
                    .getResultList())
        .map(rows -> rows.stream().findFirst().map(row -> new Claimed((UUID) row[0], (Boolean) row[1], (UUID) row[2])));
  }

  /** Whether the run is still this instance's: claimed, and not taken over by another after its hold passed. */
  public Uni<Boolean> hold(UUID id, Instant now, Instant until) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE agent_run SET claimed_until = :until WHERE id = :id AND status = 'RUNNING' AND claimed_until >= :now")
                    .setParameter("id", id)
                    .setParameter("now", now)
                    .setParameter("until", until)
                    .executeUpdate())
        .map(updated -> updated == 1);
  }

  /** Adds a batch's outcome: the last lead done, the counts, and its decisions while the report has room. */
  public Uni<Void> progress(
      UUID id, int policyVersion, UUID afterLead, int evaluated, int acted, int skipped, List<AgentDecision> decisions, int reportLimit) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE agent_run SET policy_version = :version, after_lead = :after, evaluated = evaluated + :evaluated,"
                            + " acted = acted + :acted, skipped = skipped + :skipped,"
                            + " decisions = CASE WHEN jsonb_array_length(decisions) >= :limit THEN decisions ELSE"
                            + "   (SELECT coalesce(jsonb_agg(d.value ORDER BY d.ordinality), '[]'::jsonb)"
                            + "    FROM jsonb_array_elements(decisions || cast(cast(:decisions as text) as jsonb)) WITH ORDINALITY d"
                            + "    WHERE d.ordinality <= :limit) END"
                            + " WHERE id = :id")
                    .setParameter("version", policyVersion)
                    .setParameter("after", afterLead)
                    .setParameter("evaluated", evaluated)
                    .setParameter("acted", acted)
                    .setParameter("skipped", skipped)
                    .setParameter("limit", reportLimit)
                    .setParameter("decisions", write(decisions))
                    .setParameter("id", id)
                    .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Void> finish(UUID id, AgentRun.Status status, String error, Instant at) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("UPDATE agent_run SET status = :status, error = :error, finished_at = :at, claimed_until = NULL WHERE id = :id")
                    .setParameter("status", status.name())
                    .setParameter("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                    .setParameter("at", at)
                    .setParameter("id", id)
                    .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<Optional<AgentRun>> find(UUID id) {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("SELECT " + COLUMNS + " FROM agent_run WHERE id = :id", Object[].class).setParameter("id", id).getResultList())
        .map(rows -> rows.stream().findFirst().map(this::run));
  }

  /** A page of runs, newest first, without their decisions. */
  public Uni<List<AgentRun>> page(int page, int size) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT " + COLUMNS.replace("cast(decisions as text)", "'[]'") + " FROM agent_run ORDER BY requested_at DESC, id DESC"
                            + " LIMIT :size OFFSET :offset",
                        Object[].class)
                    .setParameter("size", size)
                    .setParameter("offset", page * size)
                    .getResultList())
        .map(rows -> rows.stream().map(this::run).toList());
  }

  public Uni<Long> count() {
    return Panache.getSession()
        .chain(session -> session.createNativeQuery("SELECT count(*) FROM agent_run", Long.class).getSingleResult());
  }

  private AgentRun run(Object[] row) {
    return new AgentRun(
        (UUID) row[0],
        AgentRun.Trigger.valueOf((String) row[1]),
        (Boolean) row[2],
        AgentRun.Status.valueOf((String) row[3]),
        row[4] == null ? null : ((Number) row[4]).intValue(),
        (String) row[5],
        (String) row[6],
        NativeValues.instant(row[7]),
        NativeValues.instant(row[8]),
        NativeValues.instant(row[9]),
        ((Number) row[10]).intValue(),
        ((Number) row[11]).intValue(),
        ((Number) row[12]).intValue(),
        read((String) row[13]),
        (String) row[14]);
  }

  private String write(List<AgentDecision> decisions) {
    try {
      return json.writeValueAsString(
          decisions.stream()
              .map(d -> new DecisionDocument(d.leadId(), d.outcome().label(), d.rule(), d.reason() == null ? null : d.reason().label(), d.reasons()))
              .toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<AgentDecision> read(String text) {
    try {
      List<DecisionDocument> documents = json.readValue(text, new TypeReference<List<DecisionDocument>>() {});
      return documents.stream()
          .map(d -> new AgentDecision(
              d.leadId(), outcome(d.outcome()), d.rule(), d.statusReason() == null ? null : StatusReason.fromLabel(d.statusReason()), d.reasons()))
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A run's report is not readable", e);
    }
  }

  private static AgentDecision.Outcome outcome(String label) {
    for (AgentDecision.Outcome outcome : AgentDecision.Outcome.values()) {
      if (outcome.label().equals(label)) {
        return outcome;
      }
    }
    throw new IllegalStateException("Unknown outcome " + label);
  }
}
