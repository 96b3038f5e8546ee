package org.leadflow.contracts.lead;

/** CloudEvents {@code type} values of the events on {@code lead-events}. */
public final class LeadEventTypes {

  public static final String CREATED = "leadflow.lead.created.v1";

  /** {@code ce_source} of every event lead-service publishes. */
  public static final String SOURCE = "/leadflow/lead-service";

  /** Aggregate type of lead events in lead-service's outbox. */
  public static final String AGGREGATE_TYPE = "lead";

  private LeadEventTypes() {}
}
