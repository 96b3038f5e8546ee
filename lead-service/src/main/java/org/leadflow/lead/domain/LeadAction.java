package org.leadflow.lead.domain;

/** What can be done to a lead; which of these the lead's state allows is {@link LeadLifecycle}'s call. */
public enum LeadAction {
  UPDATE("update"),
  MARK_CONTACTED("mark contacted"),
  LOG_ACTIVITY("log activity"),
  DISQUALIFY("disqualify"),
  REACTIVATE("reactivate"),
  QUALIFY("qualify"),
  /** Take a duplicate's values and timeline in (the master of a merge). */
  MERGE_IN("take in a merged duplicate"),
  /** Be merged into another lead (the duplicate of a merge). */
  MERGE_AWAY("be merged into another lead");

  private final String label;

  LeadAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
