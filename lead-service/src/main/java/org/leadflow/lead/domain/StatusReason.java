package org.leadflow.lead.domain;

/** Why a lead is in its state, with Dynamics 365's status reasons and codes (statuscode). */
public enum StatusReason {
  NEW("New", 1, LeadState.OPEN),
  CONTACTED("Contacted", 2, LeadState.OPEN),
  QUALIFIED("Qualified", 3, LeadState.QUALIFIED),
  LOST("Lost", 4, LeadState.DISQUALIFIED),
  CANNOT_CONTACT("Cannot Contact", 5, LeadState.DISQUALIFIED),
  NO_LONGER_INTERESTED("No Longer Interested", 6, LeadState.DISQUALIFIED),
  CANCELED("Canceled", 7, LeadState.DISQUALIFIED),
  /**
   * Merged into another lead ({@link LeadMerge}): LeadFlow's own code, next to Dynamics' (which marks a
   * merged record with {@code merged} and {@code masterid} instead); final, it is never reactivated.
   */
  MERGED("Merged", 8, LeadState.DISQUALIFIED);

  private final String label;
  private final int code;
  private final LeadState state;

  StatusReason(String label, int code, LeadState state) {
    this.label = label;
    this.code = code;
    this.state = state;
  }

  public String label() {
    return label;
  }

  public int code() {
    return code;
  }

  /** The only state this reason can go with. */
  public LeadState state() {
    return state;
  }

  public static StatusReason fromLabel(String label) {
    return Labels.find(values(), label, StatusReason::label);
  }
}
