package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.lead.domain.HistoryEntry;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, UUID> {

  @Inject ObjectMapper json;

  /**
   * Inserts many entries in one statement (an import's chunk writes one per lead), in list order:
   * their {@code seq}, the order a lead's history is read in, follows it. The entries are written as
   * they are, not made managed: nothing reads them back in the same transaction, and 500 managed
   * entities would be walked by every flush that follows (docs/imports.md). Must run in the
   * transaction that makes the changes.
   */
  public Uni<Void> insertAll(List<HistoryEntry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> rows = new ArrayList<>(entries.size());
    for (HistoryEntry entry : entries) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", entry.id().toString());
      row.put("lead_id", entry.leadId().toString());
      row.put("occurred_at", entry.occurredAt().toString());
      row.put("actor_id", entry.actor().id());
      row.put("actor_name", entry.actor().name());
      row.put("actor_via", entry.actor().via().name());
      row.put("action", entry.action());
      row.put("changes", entry.changesJson());
      row.put("details", entry.detailsJson());
      rows.add(row);
    }
    String sql =
        "INSERT INTO lead_history (id, lead_id, occurred_at, actor_id, actor_name, actor_via, action, changes, details)"
            + " SELECT r.id, r.lead_id, r.occurred_at, r.actor_id, r.actor_name, r.actor_via, r.action,"
            + " cast(r.changes as jsonb), cast(r.details as jsonb)"
            + " FROM ROWS FROM (jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
            + " AS (id uuid, lead_id uuid, occurred_at timestamptz, actor_id text, actor_name text, actor_via text, action text,"
            + " changes text, details text))"
            + " WITH ORDINALITY AS r(id, lead_id, occurred_at, actor_id, actor_name, actor_via, action, changes, details, n)"
            + " ORDER BY r.n";
    String rowsJson;
    try {
      rowsJson = json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("History entries cannot be written as JSON", e);
    }
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(sql).setParameter("rows", rowsJson).executeUpdate())
        .replaceWithVoid();
  }
}
