package org.leadflow.lead.domain;

/** Kinds of activity on a lead's timeline; calls, emails and meetings are outreach. */
public enum ActivityType {
  PHONE_CALL("Phone Call", true),
  EMAIL("Email", true),
  MEETING("Meeting", true),
  TASK("Task", false),
  NOTE("Note", false);

  private final String label;
  private final boolean outreach;

  ActivityType(String label, boolean outreach) {
    this.label = label;
    this.outreach = outreach;
  }

  public String label() {
    return label;
  }

  /** Whether this kind of activity reaches the person (a task or a note does not). */
  public boolean isOutreach() {
    return outreach;
  }

  public static ActivityType fromLabel(String label) {
    return Labels.find(values(), label, ActivityType::label);
  }
}
