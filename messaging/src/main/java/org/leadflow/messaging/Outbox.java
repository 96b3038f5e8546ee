package org.leadflow.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Appends events to the outbox inside the caller's transaction; the relay publishes them. */
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
    return events.persist(event);
  }

  private String serialize(Object data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event data cannot be written as JSON: " + data, e);
    }
  }
}
