package org.leadflow.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An event waiting to be published, written in the same transaction as the change it describes.
 * Its {@code id} becomes the CloudEvents {@code ce_id} that consumers deduplicate by.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long position;

  @Column(nullable = false, unique = true)
  private UUID id;

  private String aggregateType;
  private UUID aggregateId;
  private String type;
  private Instant occurredAt;

  @JdbcTypeCode(SqlTypes.JSON)
  private String payload;

  /** The W3C trace context of the transaction that wrote the event; the relay continues it. */
  private String traceParent;

  private String traceState;

  protected OutboxEvent() {}

  OutboxEvent(
      UUID id,
      String aggregateType,
      UUID aggregateId,
      String type,
      Instant occurredAt,
      String payload,
      TraceContext trace) {
    this.id = id;
    this.aggregateType = aggregateType;
    this.aggregateId = aggregateId;
    this.type = type;
    this.occurredAt = occurredAt;
    this.payload = payload;
    this.traceParent = trace.traceParent();
    this.traceState = trace.traceState();
  }

  public UUID id() {
    return id;
  }

  public String type() {
    return type;
  }
}
