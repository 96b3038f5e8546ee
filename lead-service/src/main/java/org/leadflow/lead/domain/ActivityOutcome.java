package org.leadflow.lead.domain;

/** How an activity went. */
public enum ActivityOutcome {
  COMPLETED("Completed"),
  NO_ANSWER("No Answer"),
  LEFT_VOICEMAIL("Left Voicemail"),
  BUSY("Busy"),
  WRONG_NUMBER("Wrong Number"),
  BOUNCED("Bounced"),
  SCHEDULED("Scheduled"),
  CANCELED("Canceled");

  private final String label;

  ActivityOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ActivityOutcome fromLabel(String label) {
    return Labels.find(values(), label, ActivityOutcome::label);
  }
}
