package org.leadflow.lead.domain;

/** How the lead's organisation decides (Dynamics 365 purchaseprocess). */
public enum PurchaseProcess {
  INDIVIDUAL("Individual", 0),
  COMMITTEE("Committee", 1),
  UNKNOWN("Unknown", 2);

  private final String label;
  private final int code;

  PurchaseProcess(String label, int code) {
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

  public static PurchaseProcess fromLabel(String label) {
    return Labels.find(values(), label, PurchaseProcess::label);
  }
}
