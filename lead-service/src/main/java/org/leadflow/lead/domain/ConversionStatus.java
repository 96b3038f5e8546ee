package org.leadflow.lead.domain;

/** Where the conversion of a qualified lead stands. */
public enum ConversionStatus {
  PENDING("pending"),
  COMPLETED("completed"),
  FAILED("failed");

  private final String label;

  ConversionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** @throws UnknownLabelException when {@code label} is none of the statuses' */
  public static ConversionStatus fromLabel(String label) {
    return Labels.find(values(), label, ConversionStatus::label);
  }
}
