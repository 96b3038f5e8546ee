package org.leadflow.contracts.opportunity;

/** CloudEvents {@code type} values of the events on {@code opportunity-events}. */
public final class OpportunityEventTypes {

  /** The opportunity of a qualified lead exists (with its account and contact). */
  public static final String CREATED = "leadflow.opportunity.created.v1";

  /** A qualified lead could not be converted; the reason says why. */
  public static final String CONVERSION_FAILED = "leadflow.opportunity.conversion-failed.v1";

  /** The opportunity moved to another stage of the sales process. */
  public static final String STAGE_CHANGED = "leadflow.opportunity.stage-changed.v1";

  /** The opportunity was closed as won. */
  public static final String WON = "leadflow.opportunity.won.v1";

  /** The opportunity was closed as lost (canceled or out-sold). */
  public static final String LOST = "leadflow.opportunity.lost.v1";

  /** A won or lost opportunity was opened again. */
  public static final String REOPENED = "leadflow.opportunity.reopened.v1";

  /** {@code ce_source} of every event opportunity-service publishes. */
  public static final String SOURCE = "/leadflow/opportunity-service";

  /** Aggregate type of opportunity events in opportunity-service's outbox. */
  public static final String AGGREGATE_TYPE = "opportunity";

  private OpportunityEventTypes() {}
}
