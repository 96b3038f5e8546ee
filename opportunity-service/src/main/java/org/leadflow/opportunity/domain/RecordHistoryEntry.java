package org.leadflow.opportunity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * One entry of the audit history of an account, a contact or an opportunity: who changed which
 * fields, from what to what, and when. The changes are a JSON document, a list of {@link
 * ChangedField} ({field, oldValue, newValue}). One table, {@code record_history}, keyed by the
 * record's type and id.
 */
@Entity
@Table(name = "record_history")
public class RecordHistoryEntry {

  /** The kinds of record with a history here. */
  public static final String ACCOUNT = "account";
  public static final String CONTACT = "contact";
  public static final String OPPORTUNITY = "opportunity";

  /**
   * What happened to the record: created or updated (accounts and contacts, opportunities' edits);
   * an opportunity's pipeline adds its own actions (stage-changed, won, line-added, ...).
   */
  public static final String CREATED = "created";
  public static final String UPDATED = "updated";

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

  protected RecordHistoryEntry() {}

  public RecordHistoryEntry(
      String recordType, UUID recordId, String action, String actorId, String actorName, Instant occurredAt, String changesJson) {
    this.id = UUID.randomUUID();
    this.recordType = Objects.requireNonNull(recordType, "recordType");
    this.recordId = Objects.requireNonNull(recordId, "recordId");
    this.action = Objects.requireNonNull(action, "action");
    this.actorId = Objects.requireNonNull(actorId, "actorId");
    this.actorName = actorName;
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.changes = Objects.requireNonNull(changesJson, "changesJson");
  }

  public UUID id() {
    return id;
  }

  public String recordType() {
    return recordType;
  }

  public UUID recordId() {
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
