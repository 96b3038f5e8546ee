package org.leadflow.opportunity.domain;

import java.util.List;

/**
 * Where an opportunity's estimated value comes from, as Dynamics' revenue choice: the sum of its
 * lines (system-calculated), or what the seller set (user-provided).
 */
public enum EstimatedValueSource {
  LINES("lines"),
  USER("user");

  private final String label;

  EstimatedValueSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** @throws UnknownLabelException when neither has this label */
  public static EstimatedValueSource fromLabel(String label) {
    for (EstimatedValueSource source : values()) {
      if (source.label.equals(label.strip())) {
        return source;
      }
    }
    throw new UnknownLabelException(List.of(LINES.label, USER.label));
  }
}
