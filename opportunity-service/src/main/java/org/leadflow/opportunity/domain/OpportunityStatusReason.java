package org.leadflow.opportunity.domain;

import java.util.Arrays;
import java.util.List;

/**
 * Dynamics 365's opportunity status reasons with their codes, so that integrators can map them one
 * to one. Each belongs to one state. Conversion opens opportunities In Progress; the others wait for
 * the won/lost lifecycle.
 */
public enum OpportunityStatusReason {
  IN_PROGRESS("In Progress", 1, OpportunityState.OPEN),
  ON_HOLD("On Hold", 2, OpportunityState.OPEN),
  WON("Won", 3, OpportunityState.WON),
  CANCELED("Canceled", 4, OpportunityState.LOST),
  OUT_SOLD("Out-Sold", 5, OpportunityState.LOST);

  private final String label;
  private final int code;
  private final OpportunityState state;

  OpportunityStatusReason(String label, int code, OpportunityState state) {
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

  public OpportunityState state() {
    return state;
  }

  /** @throws UnknownLabelException when no status reason has this label */
  public static OpportunityStatusReason fromLabel(String label) {
    return Arrays.stream(values())
        .filter(reason -> reason.label.equalsIgnoreCase(label.strip()))
        .findFirst()
        .orElseThrow(() -> new UnknownLabelException(labels()));
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(OpportunityStatusReason::label).toList();
  }
}
