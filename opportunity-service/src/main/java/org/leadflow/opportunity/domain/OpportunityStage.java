package org.leadflow.opportunity.domain;

import java.util.Arrays;
import java.util.List;

/** The stages of Dynamics 365's lead-to-opportunity sales process, in their order. */
public enum OpportunityStage {
  QUALIFY("Qualify"),
  DEVELOP("Develop"),
  PROPOSE("Propose"),
  CLOSE("Close");

  private final String label;

  OpportunityStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether this stage comes after {@code other} in the process. */
  public boolean isAfter(OpportunityStage other) {
    return ordinal() > other.ordinal();
  }

  /** @throws UnknownLabelException when no stage has this label */
  public static OpportunityStage fromLabel(String label) {
    return Arrays.stream(values())
        .filter(stage -> stage.label.equalsIgnoreCase(label.strip()))
        .findFirst()
        .orElseThrow(() -> new UnknownLabelException(labels()));
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(OpportunityStage::label).toList();
  }
}
