package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One entry of a lead's audit history: who changed what, when and through what. The changes and
 * details are JSON documents (a list of {field, oldValue, newValue}, and an object).
 */
@Entity
@Table(name = "lead_history")
public class HistoryEntry {

  @Id private UUID id;
  private UUID leadId;
  private Instant occurredAt;
  private String actorId;
  private String actorName;

  @Enumerated(EnumType.STRING)
  private Actor.Channel actorVia;

  private String action;

  // JSON text cast to and from jsonb in SQL: the reactive driver's JSON binding takes objects only,
  // and changes are an array.
  @ColumnTransformer(read = "changes::text", write = "cast(cast(? as text) as jsonb)")
  private String changes;

  @ColumnTransformer(read = "details::text", write = "cast(cast(? as text) as jsonb)")
  private String details;

  /** Order of entries written in one transaction, which share their time. */
  @Column(insertable = false, updatable = false)
  private Long seq;

  protected HistoryEntry() {}

  public HistoryEntry(LeadEvent event, String action, String changesJson, String detailsJson) {
    this.id = TimeOrderedIds.next();
    this.leadId = event.leadId();
    this.occurredAt = event.at();
    this.actorId = event.actor().id();
    this.actorName = event.actor().name();
    this.actorVia = event.actor().via();
    this.action = action;
    this.changes = changesJson;
    this.details = detailsJson;
  }

  public UUID id() {
    return id;
  }

  public UUID leadId() {
    return leadId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Actor actor() {
    return new Actor(actorId, actorName, actorVia);
  }

  public String action() {
    return action;
  }

  public String changesJson() {
    return changes;
  }

  public String detailsJson() {
    return details;
  }
}
