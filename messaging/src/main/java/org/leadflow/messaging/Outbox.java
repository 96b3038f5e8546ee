package org.leadflow.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction; the relay publishes them, woken as
 * soon as that transaction has committed ({@link OutboxRelay}).
 */
@ApplicationScoped
public class Outbox {

  @Inject OutboxEventRepository events;
  @Inject ObjectMapper json;

  /**
   * Records an event about one aggregate. Must run in the transaction that makes the change, so that
   * the change and its event are committed, or lost, together. The event keeps the trace context
   * of the current span (the request's, or the consumed event's), which the relay carries on to
   * Kafka.
   */
  @WithTransaction
  public Uni<OutboxEvent> append(
      String aggregateType, UUID aggregateId, String type, Instant occurredAt, Object data) {
    OutboxEvent event =
        new OutboxEvent(
            UUID.randomUUID(),
            aggregateType,
            aggregateId,
            type,
            occurredAt,
            serialize(data),
            TraceContext.current());
    OutboxRelay.appendedOn(Vertx.currentContext());
    return events.persist(event);
  }

  /** An event to record together with others ({@link #appendAll}). */
  public record Draft(String aggregateType, UUID aggregateId, String type, Instant occurredAt, Object data) {}

  /**
   * Records many events in one statement (an import's chunk writes thousands): as {@link #append}
   * each, in list order (their positions, the order the relay publishes them in, follow it), with
   * the trace context of the current span. Must run in the transaction that makes the changes.
   */
  @WithTransaction
  public Uni<Void> appendAll(List<Draft> drafts) {
    if (drafts.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Map<String, Object>> rows = new ArrayList<>(drafts.size());
    for (Draft draft : drafts) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", UUID.randomUUID().toString());
      row.put("aggregate_type", draft.aggregateType());
      row.put("aggregate_id", draft.aggregateId().toString());
      row.put("type", draft.type());
      row.put("occurred_at", draft.occurredAt().toString());
      row.put("payload", json.valueToTree(draft.data()));
      rows.add(row);
    }
    TraceContext trace = TraceContext.current();
    String sql =
        "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, payload, trace_parent, trace_state)"
            + " SELECT r.id, r.aggregate_type, r.aggregate_id, r.type, r.occurred_at, r.payload, :traceParent, :traceState"
            + " FROM ROWS FROM (jsonb_to_recordset(cast(cast(:rows as text) as jsonb))"
            + " AS (id uuid, aggregate_type text, aggregate_id uuid, type text, occurred_at timestamptz, payload jsonb))"
            + " WITH ORDINALITY AS r(id, aggregate_type, aggregate_id, type, occurred_at, payload, n)"
            + " ORDER BY r.n";
    String rowsJson = serialize(rows);
    OutboxRelay.appendedOn(Vertx.currentContext());
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery(sql)
            .setParameter("rows", rowsJson)
            .setParameter("traceParent", trace.traceParent())
            .setParameter("traceState", trace.traceState())
            .executeUpdate())
        .replaceWithVoid();
  }

  private String serialize(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data cannot be written as JSON: " + data, e);
    }
  }
}
