package org.leadflow.contracts.lead;

import java.util.UUID;

/** CloudEvents {@code type} values of the events on {@code lead-events}. */
public final class LeadEventTypes {

  public static final String CREATED = "leadflow.lead.created.v1";

  /** Fields of an Open lead changed, or its status reason moved within Open (New → Contacted). */
  public static final String UPDATED = "leadflow.lead.updated.v1";

  public static final String ACTIVITY_LOGGED = "leadflow.lead.activity-logged.v1";

  public static final String DISQUALIFIED = "leadflow.lead.disqualified.v1";

  public static final String REACTIVATED = "leadflow.lead.reactivated.v1";

  /**
   * Enrichment found out something new about a lead (docs/enrichment.md): its facts with source and
   * time. Never published for what enrichment itself changed, so it starts no further enrichment.
   */
  public static final String ENRICHED = "leadflow.lead.enriched.v1";
  /**
   * A lead's score moved materially: a new grade, or the score by at least the configured points
   * (docs/scoring.md). Never published for a score that barely moved, and starts nothing in lead-service.
   */
  public static final String SCORED = "leadflow.lead.scored.v1";

  /** A duplicate was merged into a master: published for both leads, each keyed by its own id. */
  public static final String MERGED = "leadflow.lead.merged.v1";

  /** An Open lead was qualified: opportunity-service converts it (docs/architecture.md, section Conversion). */
  public static final String QUALIFIED = "leadflow.lead.qualified.v1";

  /**
   * A version of the qualification policy came into force. Keyed by {@link #QUALIFICATION_POLICY_ID}:
   * every version is on one partition, in order.
   */
  public static final String QUALIFICATION_POLICY_CHANGED = "leadflow.lead.qualification-policy-changed.v1";

  /** The record key and {@code ce_subject} of the qualification policy's events: there is one policy. */
  public static final UUID QUALIFICATION_POLICY_ID = UUID.fromString("0f1c1e5a-9b6d-4c3e-8a57-7a3f2d0c5e11");

  /** Aggregate type of the qualification policy's events in lead-service's outbox. */
  public static final String QUALIFICATION_POLICY_AGGREGATE_TYPE = "qualification-policy";

  /** {@code ce_source} of every event lead-service publishes. */
  public static final String SOURCE = "/leadflow/lead-service";

  /** Aggregate type of lead events in lead-service's outbox. */
  public static final String AGGREGATE_TYPE = "lead";

  private LeadEventTypes() {}
}
