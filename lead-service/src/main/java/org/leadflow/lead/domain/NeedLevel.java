package org.leadflow.lead.domain;

/** How much the lead needs what is sold (Dynamics 365 need). */
public enum NeedLevel {
  MUST_HAVE("Must Have", 0),
  SHOULD_HAVE("Should Have", 1),
  GOOD_TO_HAVE("Good to Have", 2),
  NO_NEED("No Need", 3);

  private final String label;
  private final int code;

  NeedLevel(String label, int code) {
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

  public static NeedLevel fromLabel(String label) {
    return Labels.find(values(), label, NeedLevel::label);
  }
}
