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
}
