package org.leadflow.lead.domain;

/** What can be done to a lead; which of these the lead's state allows is {@link LeadLifecycle}'s call. */
public enum LeadAction {
  UPDATE("update"),
  MARK_CONTACTED("mark contacted"),
  LOG_ACTIVITY("log activity"),
  DISQUALIFY("disqualify"),
  REACTIVATE("reactivate"),
  QUALIFY("qualify");

  private final String label;

  LeadAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
