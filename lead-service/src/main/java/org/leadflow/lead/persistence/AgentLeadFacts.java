package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.agent.AgentFacts;

/**
 * What the qualification agent decides on, read for a batch of Open leads in one statement: the lead's
 * status, score and readiness columns, enrichment's flags, its outreach counts, the latest change a
 * person made, and the agent's own marks. The leads are claimed for the current transaction ({@code FOR
 * UPDATE SKIP LOCKED}), so that two instances' runs take different leads and a person's change of a
 * claimed lead waits for the batch's commit (and then fails on the lead's version).
 */
@ApplicationScoped
public class AgentLeadFacts {

  /** Answered, and unanswered, outreach outcomes (as {@code CannotContactPolicy} counts them). */
  private static final String UNANSWERED = "('NO_ANSWER', 'LEFT_VOICEMAIL', 'BUSY', 'WRONG_NUMBER', 'BOUNCED')";

  static final String FACTS =
      "SELECT l.id, l.status_reason, l.score, l.readiness_score, l.readiness_required_met,"
          + " l.phone IS NOT NULL, l.email IS NOT NULL,"
          + " coalesce(e.email_bounced, false), coalesce(e.disposable_email, false), coalesce(e.free_mail_email, false),"
          + " coalesce(o.attempts, 0), coalesce(o.unanswered, 0), coalesce(o.no_answer_calls, 0),"
          + " (SELECT max(h.occurred_at) FROM lead_history h WHERE h.lead_id = l.id AND h.actor_via IN ('USER', 'IMPORT')"
          + "   AND h.action <> 'activity-logged'),"
          + " l.created_at,"
          + " EXISTS (SELECT 1 FROM lead_agent_action m WHERE m.lead_id = l.id AND m.action = 'MARK_READY' AND m.undone_at IS NULL),"
          + " EXISTS (SELECT 1 FROM lead_agent_action u WHERE u.lead_id = l.id AND u.undone_at IS NOT NULL)"
          + " FROM lead l"
          + " LEFT JOIN lead_enrichment e ON e.lead_id = l.id"
          + " LEFT JOIN LATERAL ("
          + "   SELECT count(*) FILTER (WHERE a.outcome IS NULL OR a.outcome NOT IN ('SCHEDULED', 'CANCELED')) AS attempts,"
          + "     count(*) FILTER (WHERE a.outcome IN " + UNANSWERED + " AND a.occurred_at > coalesce(answered.at, '-infinity')) AS unanswered,"
          + "     count(*) FILTER (WHERE a.type = 'PHONE_CALL' AND a.outcome = 'NO_ANSWER' AND a.occurred_at > coalesce(answered.at, '-infinity')) AS no_answer_calls"
          + "   FROM (SELECT max(c.occurred_at) AS at FROM lead_activity c"
          + "         WHERE c.lead_id = l.id AND c.type IN ('PHONE_CALL', 'EMAIL', 'MEETING') AND c.outcome = 'COMPLETED') answered,"
          + "        lead_activity a"
          + "   WHERE a.lead_id = l.id AND a.type IN ('PHONE_CALL', 'EMAIL', 'MEETING')) o ON true";

  /**
   * Up to {@code size} Open leads after {@code after} (null: from the first), in id order, claimed
   * until the transaction ends; a lead another transaction holds is passed over.
   */
  public Uni<List<AgentFacts>> claimOpen(UUID after, int size) {
    String sql =
        "WITH claimed AS (SELECT id FROM lead WHERE state = 'OPEN'" + (after == null ? "" : " AND id > :after")
            + " ORDER BY id LIMIT :size FOR UPDATE SKIP LOCKED) "
            + FACTS + " WHERE l.id IN (SELECT id FROM claimed) ORDER BY l.id";
    return Panache.getSession()
        .chain(session -> {
          var query = session.createNativeQuery(sql, Object[].class).setParameter("size", size);
          if (after != null) {
            query.setParameter("after", after);
          }
          return query.getResultList();
        })
        .map(rows -> rows.stream().map(AgentLeadFacts::facts).toList());
  }

  /** One lead's facts, the lead locked until the transaction ends (waiting for another's change). */
  public Uni<Optional<AgentFacts>> lock(UUID leadId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("SELECT id FROM lead WHERE id = :id FOR UPDATE", UUID.class)
                    .setParameter("id", leadId)
                    .getResultList()
                    .chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(List.<Object[]>of())
                        : session.createNativeQuery(FACTS + " WHERE l.id = :id", Object[].class).setParameter("id", leadId).getResultList()))
        .map(rows -> rows.stream().findFirst().map(AgentLeadFacts::facts));
  }

  private static AgentFacts facts(Object[] row) {
    return new AgentFacts(
        (UUID) row[0],
        StatusReason.valueOf((String) row[1]),
        row[2] == null ? null : ((Number) row[2]).intValue(),
        row[3] == null ? null : ((Number) row[3]).intValue(),
        (Boolean) row[4],
        (Boolean) row[5],
        (Boolean) row[6],
        (Boolean) row[7],
        (Boolean) row[8],
        (Boolean) row[9],
        ((Number) row[10]).intValue(),
        ((Number) row[11]).intValue(),
        ((Number) row[12]).intValue(),
        NativeValues.instant(row[13]),
        NativeValues.instant(row[14]),
        (Boolean) row[15],
        (Boolean) row[16]);
  }
}
