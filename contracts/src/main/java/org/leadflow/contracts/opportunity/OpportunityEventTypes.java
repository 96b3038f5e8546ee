package org.leadflow.contracts.opportunity;

/** CloudEvents {@code type} values of the events on {@code opportunity-events}. */
public final class OpportunityEventTypes {

  /** The opportunity of a qualified lead exists (with its account and contact). */
  public static final String CREATED = "leadflow.opportunity.created.v1";

  /** A qualified lead could not be converted; the reason says why. */
  public static final String CONVERSION_FAILED = "leadflow.opportunity.conversion-failed.v1";

  /** {@code ce_source} of every event opportunity-service publishes. */
  public static final String SOURCE = "/leadflow/opportunity-service";

  /** Aggregate type of opportunity events in opportunity-service's outbox. */
  public static final String AGGREGATE_TYPE = "opportunity";

  private OpportunityEventTypes() {}
}
