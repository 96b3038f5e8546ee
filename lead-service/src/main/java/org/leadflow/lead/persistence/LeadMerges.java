package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * What a merge moves in bulk, in the command's transaction: the duplicate's activities to the master,
 * a copy of its history into the master's, and the record of the merge (table {@code lead_merge}).
 */
@ApplicationScoped
public class LeadMerges {

  /** Moves every activity of {@code duplicateId} to {@code masterId}'s timeline; answers how many. */
  public Uni<Integer> moveActivities(UUID duplicateId, UUID masterId) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery("UPDATE lead_activity SET lead_id = :master WHERE lead_id = :duplicate")
            .setParameter("master", masterId)
            .setParameter("duplicate", duplicateId)
            .executeUpdate());
  }

  /**
   * Copies {@code duplicateId}'s history into {@code masterId}'s, in its order, each entry's details
   * naming the lead it came from ({@code mergedFrom}); the duplicate keeps its own. Answers how many.
   */
  public Uni<Integer> copyHistory(UUID duplicateId, UUID masterId) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "INSERT INTO lead_history (id, lead_id, occurred_at, actor_id, actor_name, actor_via, action, changes, details)"
                    + " SELECT gen_random_uuid(), :master, occurred_at, actor_id, actor_name, actor_via, action, changes,"
                    + " coalesce(details, '{}'::jsonb) || jsonb_build_object('mergedFrom', cast(:mergedFrom as text))"
                    + " FROM lead_history WHERE lead_id = :duplicate ORDER BY occurred_at, seq")
            .setParameter("master", masterId)
            .setParameter("duplicate", duplicateId)
            .setParameter("mergedFrom", duplicateId.toString())
            .executeUpdate());
  }

  /** Records the merge; a lead merged away twice breaks the unique key (the lead's version refuses it first). */
  public Uni<Integer> record(UUID id, UUID masterId, UUID duplicateId, Instant at, String by, String choicesJson, int activities, int history) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(
                "INSERT INTO lead_merge (id, master_id, duplicate_id, merged_at, merged_by, choices, activities_moved, history_entries_copied)"
                    + " VALUES (:id, :master, :duplicate, :at, :by, cast(:choices as jsonb), :activities, :history)")
            .setParameter("id", id)
            .setParameter("master", masterId)
            .setParameter("duplicate", duplicateId)
            .setParameter("at", at)
            .setParameter("by", by)
            .setParameter("choices", choicesJson)
            .setParameter("activities", activities)
            .setParameter("history", history)
            .executeUpdate());
  }
}
