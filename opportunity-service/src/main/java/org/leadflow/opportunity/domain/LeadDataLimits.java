package org.leadflow.opportunity.domain;

/**
 * What the columns of accounts and contacts hold, checked before anything is stored: lead-service
 * keeps the same limits, so a value beyond them means an event that was not made by it as it is
 * today, and the conversion fails with {@link ConversionFailure#INVALID_LEAD_DATA} rather than with
 * the database's refusal.
 */
final class LeadDataLimits {

  private LeadDataLimits() {}

  /** {@code value} when it has at most {@code max} characters (or is null). */
  static String atMost(String what, String value, int max) {
    if (value != null && value.length() > max) {
      throw new ConversionFailedException(
          ConversionFailure.INVALID_LEAD_DATA, "The lead's " + what + " is longer than " + max + " characters");
    }
    return value;
  }
}
