package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.worklist.WorkItem;

/**
 * A page of a worklist in one statement: the Open leads of an owner (or of every owner) in the order
 * to work them — score (not scored yet last), the agent's ready-to-qualify mark, readiness, a follow-up
 * due by the end of today, then the oldest first — each with what its next best action is decided from
 * (outreach since the last answer, the earliest follow-up not done, enrichment's bounced flag, the
 * agent's mark), and the number of leads on the whole list. The order starts with the index on (owner,
 * score) ({@code lead_owner_score_idx}; across owners {@code lead_score_idx}), so that a page reads the
 * rows of the scores it shows and sorts only among equal scores.
 */
@ApplicationScoped
public class WorklistRows {

  public record Page(List<WorkItem> items, long total) {}

  private static final String UNANSWERED = "('NO_ANSWER', 'LEFT_VOICEMAIL', 'BUSY', 'WRONG_NUMBER', 'BOUNCED')";

  private static final String SELECT =
      "SELECT l.id, l.first_name, l.last_name, l.company_name, l.owner_id, l.status_reason, l.score, l.score_grade,"
          + " l.readiness_score, l.readiness_required_met, ready.marked, l.created_at,"
          + " l.phone IS NOT NULL, l.email IS NOT NULL, coalesce(e.email_bounced, false),"
          + " coalesce(o.attempts, 0), coalesce(o.unanswered_calls, 0), coalesce(o.unanswered_emails, 0), o.last_attempt_at,"
          + " f.due_at, f.subject,"
          + " l.budget_status IS NOT NULL OR l.budget_amount IS NOT NULL,"
          + " l.decision_maker IS NOT NULL OR l.purchase_process IS NOT NULL,"
          + " l.need IS NOT NULL, l.purchase_timeframe IS NOT NULL,"
          + " (SELECT count(*) FROM lead t WHERE t.state = 'OPEN'%s)"
          + " FROM lead l"
          + " LEFT JOIN lead_enrichment e ON e.lead_id = l.id"
          + " CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM lead_agent_action m"
          + "   WHERE m.lead_id = l.id AND m.action = 'MARK_READY' AND m.undone_at IS NULL) AS marked) ready"
          + " LEFT JOIN LATERAL ("
          + "   SELECT count(*) FILTER (WHERE a.outcome IS NULL OR a.outcome NOT IN ('SCHEDULED', 'CANCELED')) AS attempts,"
          + "     count(*) FILTER (WHERE a.type = 'PHONE_CALL' AND a.outcome IN " + UNANSWERED + " AND a.occurred_at > coalesce(answered.at, '-infinity')) AS unanswered_calls,"
          + "     count(*) FILTER (WHERE a.type = 'EMAIL' AND a.outcome IN " + UNANSWERED + " AND a.occurred_at > coalesce(answered.at, '-infinity')) AS unanswered_emails,"
          + "     max(a.occurred_at) FILTER (WHERE a.outcome IS NULL OR a.outcome NOT IN ('SCHEDULED', 'CANCELED')) AS last_attempt_at"
          + "   FROM (SELECT max(c.occurred_at) AS at FROM lead_activity c"
          + "         WHERE c.lead_id = l.id AND c.type IN ('PHONE_CALL', 'EMAIL', 'MEETING') AND c.outcome = 'COMPLETED') answered,"
          + "        lead_activity a"
          + "   WHERE a.lead_id = l.id AND a.type IN ('PHONE_CALL', 'EMAIL', 'MEETING')) o ON true"
          + " LEFT JOIN LATERAL (SELECT d.due_at, d.subject FROM lead_activity d"
          + "   WHERE d.lead_id = l.id AND d.due_at IS NOT NULL AND (d.outcome IS NULL OR d.outcome = 'SCHEDULED')"
          + "   ORDER BY d.due_at LIMIT 1) f ON true"
          + " WHERE l.state = 'OPEN'%s"
          + " ORDER BY l.score DESC NULLS LAST, ready.marked DESC, l.readiness_score DESC NULLS LAST,"
          + " coalesce(f.due_at < :tomorrow, false) DESC, l.created_at, l.id DESC"
          + " LIMIT :size OFFSET :offset";

  /**
   * @param ownerId whose leads; null for every owner's
   * @param tomorrow the start of tomorrow (UTC): a follow-up due before it is due today
   */
  public Uni<Page> page(String ownerId, Instant tomorrow, int page, int size) {
    String byOwner = ownerId == null ? "" : " AND t.owner_id = :owner";
    String sql = String.format(SELECT, byOwner, ownerId == null ? "" : " AND l.owner_id = :owner");
    return Panache.getSession()
        .chain(session -> {
          var query =
              session.createNativeQuery(sql, Object[].class)
                  .setParameter("tomorrow", tomorrow)
                  .setParameter("size", size)
                  .setParameter("offset", (long) page * size);
          if (ownerId != null) {
            query.setParameter("owner", ownerId);
          }
          return query.getResultList();
        })
        .chain(rows -> rows.isEmpty() && page > 0
            ? count(ownerId).map(total -> new Page(List.of(), total))
            : Uni.createFrom().item(new Page(rows.stream().map(WorklistRows::item).toList(), rows.isEmpty() ? 0 : ((Number) rows.get(0)[25]).longValue())));
  }

  private Uni<Long> count(String ownerId) {
    return Panache.getSession()
        .chain(session -> {
          var query = session.createNativeQuery("SELECT count(*) FROM lead WHERE state = 'OPEN'" + (ownerId == null ? "" : " AND owner_id = :owner"), Long.class);
          if (ownerId != null) {
            query.setParameter("owner", ownerId);
          }
          return query.getSingleResult();
        });
  }

  private static WorkItem item(Object[] row) {
    return new WorkItem(
        (java.util.UUID) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        StatusReason.valueOf((String) row[5]),
        row[6] == null ? null : ((Number) row[6]).intValue(),
        row[7] == null ? null : row[7].toString(),
        row[8] == null ? null : ((Number) row[8]).intValue(),
        (Boolean) row[9],
        (Boolean) row[10],
        NativeValues.instant(row[11]),
        (Boolean) row[12],
        (Boolean) row[13],
        (Boolean) row[14],
        ((Number) row[15]).intValue(),
        ((Number) row[16]).intValue(),
        ((Number) row[17]).intValue(),
        NativeValues.instant(row[18]),
        NativeValues.instant(row[19]),
        (String) row[20],
        (Boolean) row[21],
        (Boolean) row[22],
        (Boolean) row[23],
        (Boolean) row[24]);
  }
}
