package org.leadflow.lead.domain.policy;

import java.util.Arrays;
import java.util.List;

/** How well a lead matches the ideal customer profile. */
public enum FitVerdict {
  /** Every dimension the profile names is known and matches. */
  GOOD("Good fit"),
  /** Some known dimensions match and others do not, or some are not known yet. */
  PARTIAL("Partial fit"),
  /** No known dimension matches. */
  POOR("Poor fit"),
  /** Nothing the profile names is known about the lead, or the profile names nothing. */
  UNKNOWN("Unknown");

  private final String label;

  FitVerdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The verdicts a criterion may ask for: "Unknown" is never a value, it is the lack of one. */
  static List<String> knownLabels() {
    return Arrays.stream(values()).filter(verdict -> verdict != UNKNOWN).map(FitVerdict::label).toList();
  }
}
