package org.leadflow.lead.domain;

/** Who reached out to whom. */
public enum ActivityDirection {
  INBOUND("Inbound"),
  OUTBOUND("Outbound");

  private final String label;

  ActivityDirection(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ActivityDirection fromLabel(String label) {
    return Labels.find(values(), label, ActivityDirection::label);
  }
}
