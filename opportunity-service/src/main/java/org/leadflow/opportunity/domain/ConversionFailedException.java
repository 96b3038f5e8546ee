package org.leadflow.opportunity.domain;

/**
 * A conversion that breaks a business rule: nothing is created, and the failure is answered with
 * its reason. Never retried, since the same event would fail the same way.
 */
public class ConversionFailedException extends RuntimeException {

  private final ConversionFailure reason;

  public ConversionFailedException(ConversionFailure reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public ConversionFailure reason() {
    return reason;
  }

  /** For people: what was wrong, with the values involved. */
  public String detail() {
    return getMessage();
  }
}
