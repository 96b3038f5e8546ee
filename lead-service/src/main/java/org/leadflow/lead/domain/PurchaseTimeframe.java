package org.leadflow.lead.domain;

/** When the lead expects to buy (Dynamics 365 purchasetimeframe). */
public enum PurchaseTimeframe {
  IMMEDIATE("Immediate", 0),
  THIS_QUARTER("This Quarter", 1),
  NEXT_QUARTER("Next Quarter", 2),
  THIS_YEAR("This Year", 3),
  UNKNOWN("Unknown", 4);

  private final String label;
  private final int code;

  PurchaseTimeframe(String label, int code) {
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

  public static PurchaseTimeframe fromLabel(String label) {
    return Labels.find(values(), label, PurchaseTimeframe::label);
  }
}
