package org.leadflow.lead.domain;

/** The lead's state, with Dynamics 365's values (statecode 0, 1, 2). */
public enum LeadState {
  OPEN("Open", 0),
  QUALIFIED("Qualified", 1),
  DISQUALIFIED("Disqualified", 2);

  private final String label;
  private final int code;

  LeadState(String label, int code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  public int code() {
    return code;
  }

  public static LeadState fromLabel(String label) {
    return Labels.find(values(), label, LeadState::label);
  }
}
