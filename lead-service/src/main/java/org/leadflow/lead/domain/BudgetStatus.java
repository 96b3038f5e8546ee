package org.leadflow.lead.domain;

/** Whether the lead's organisation has money for the purchase (Dynamics 365 budgetstatus). */
public enum BudgetStatus {
  NO_COMMITTED_BUDGET("No Committed Budget", 0),
  MAY_BUY("May Buy", 1),
  CAN_BUY("Can Buy", 2),
  WILL_BUY("Will Buy", 3);

  private final String label;
  private final int code;

  BudgetStatus(String label, int code) {
    this.label = label;
    this.code = code;
  }

  public String label() {
    return label;
  }

  /** Dynamics 365's option value. */
  public int code() {
    return code;
  }

  public static BudgetStatus fromLabel(String label) {
    return Labels.find(values(), label, BudgetStatus::label);
  }
}
