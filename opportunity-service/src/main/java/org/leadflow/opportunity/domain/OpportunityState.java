package org.leadflow.opportunity.domain;

import java.util.Arrays;
import java.util.List;

/** Dynamics 365's opportunity states. */
public enum OpportunityState {
  OPEN("Open"),
  WON("Won"),
  LOST("Lost");

  private final String label;

  OpportunityState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** @throws UnknownLabelException when no state has this label */
  public static OpportunityState fromLabel(String label) {
    return Arrays.stream(values())
        .filter(state -> state.label.equalsIgnoreCase(label.strip()))
        .findFirst()
        .orElseThrow(() -> new UnknownLabelException(labels()));
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(OpportunityState::label).toList();
  }
}
