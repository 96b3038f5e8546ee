package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.leadflow.lead.domain.policy.MeasuredReadiness;

/**
 * The readiness kept on lead rows, written by the refresher without touching the lead's version: a
 * new measurement by a new policy is not a change of the lead, and must not make a seller's pending
 * edit (If-Match) stale.
 */
@ApplicationScoped
public class LeadReadinessRows {

  /**
   * Locks up to {@code limit} leads measured by a version older than {@code policyVersion}, or never
   * measured, skipping those another instance (or a person's edit) holds: the refresher's next batch.
   */
  public Uni<List<UUID>> lockStale(int policyVersion, int limit) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT id FROM lead WHERE readiness_policy_version IS NULL OR readiness_policy_version < :version"
                            + " LIMIT :limit FOR UPDATE SKIP LOCKED",
                        UUID.class)
                    .setParameter("version", policyVersion)
                    .setParameter("limit", limit)
                    .getResultList());
  }

  /** Stores each lead's new measurement, in one statement. */
  public Uni<Integer> store(Map<UUID, MeasuredReadiness> measured) {
    if (measured.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    StringJoiner rows = new StringJoiner(", ");
    for (int i = 0; i < measured.size(); i++) {
      rows.add(
          "(cast(:id" + i + " as uuid), cast(:score" + i + " as smallint), cast(:fit" + i + " as varchar),"
              + " cast(:met" + i + " as boolean), cast(:version" + i + " as integer))");
    }
    String sql =
        "UPDATE lead SET readiness_score = m.score, readiness_fit = m.fit, readiness_required_met = m.met,"
            + " readiness_policy_version = m.version FROM (VALUES " + rows + ") AS m (id, score, fit, met, version)"
            + " WHERE lead.id = m.id";
    return Panache.getSession()
        .chain(
            session -> {
              var query = session.createNativeQuery(sql);
              int i = 0;
              for (Map.Entry<UUID, MeasuredReadiness> entry : measured.entrySet()) {
                MeasuredReadiness readiness = entry.getValue();
                query.setParameter("id" + i, entry.getKey().toString());
                query.setParameter("score" + i, readiness.score());
                query.setParameter("fit" + i, readiness.fit().name());
                query.setParameter("met" + i, readiness.requiredMet());
                query.setParameter("version" + i, readiness.policyVersion());
                i++;
              }
              return query.executeUpdate();
            });
  }
}
