package org.leadflow.contracts.lead;

/** CloudEvents {@code type} values of the events on {@code lead-events}. */
public final class LeadEventTypes {

  public static final String CREATED = "leadflow.lead.created.v1";

  /** Fields of an Open lead changed, or its status reason moved within Open (New → Contacted). */
  public static final String UPDATED = "leadflow.lead.updated.v1";

  public static final String ACTIVITY_LOGGED = "leadflow.lead.activity-logged.v1";

  public static final String DISQUALIFIED = "leadflow.lead.disqualified.v1";

  public static final String REACTIVATED = "leadflow.lead.reactivated.v1";

  /** An Open lead was qualified: opportunity-service converts it (docs/architecture.md, section Conversion). */
  public static final String QUALIFIED = "leadflow.lead.qualified.v1";

  /** {@code ce_source} of every event lead-service publishes. */
  public static final String SOURCE = "/leadflow/lead-service";

  /** Aggregate type of lead events in lead-service's outbox. */
  public static final String AGGREGATE_TYPE = "lead";

  private LeadEventTypes() {}
}
