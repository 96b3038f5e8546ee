package org.leadflow.opportunity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One entry of an opportunity's audit history: who changed what, when, with the old and new values
 * (a JSON list of {field, oldValue, newValue}). Kept in the generic {@code record_history} table
 * under the record type {@code opportunity}.
 */
@Entity
@Table(name = "record_history")
public class OpportunityHistoryEntry {

  public static final String RECORD_TYPE = "opportunity";

  @Id private UUID id;
  private String recordType;
  private UUID recordId;
  private Instant occurredAt;
  private String actorId;
  private String actorName;
  private String action;

  // JSON text cast to and from jsonb in SQL: the reactive driver's JSON binding takes objects only,
  // and changes are an array.
  @ColumnTransformer(read = "changes::text", write = "cast(cast(? as text) as jsonb)")
  private String changes;

  /** Order of entries written in one transaction, which share their time. */
  @Column(insertable = false, updatable = false)
  private Long seq;

  protected OpportunityHistoryEntry() {}

  /**
   * @param action what happened, e.g. {@code updated}, {@code stage-changed}, {@code won}
   * @param changesJson the changes as a JSON array
   */
  public OpportunityHistoryEntry(UUID opportunityId, String action, String changesJson, String actorId, String actorName, Instant at) {
    this.id = UUID.randomUUID();
    this.recordType = RECORD_TYPE;
    this.recordId = opportunityId;
    this.action = action;
    this.changes = changesJson;
    this.actorId = actorId;
    this.actorName = actorName;
    this.occurredAt = at;
  }

  public UUID id() {
    return id;
  }

  public UUID opportunityId() {
    return recordId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actorId() {
    return actorId;
  }

  public String actorName() {
    return actorName;
  }

  public String action() {
    return action;
  }

  public String changesJson() {
    return changes;
  }
}
