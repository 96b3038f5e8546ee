package org.leadflow.opportunity.domain;

/**
 * Why a qualified lead could not be converted. The codes are the stable {@code reason} of
 * {@code leadflow.opportunity.conversion-failed.v1}: lead-service and integrators switch on them.
 */
public enum ConversionFailure {
  /**
   * {@code existingAccountId} names no account that the lead's owner may see: one that does not
   * exist and one of another owner fail alike, so that the answer reveals nothing.
   */
  ACCOUNT_NOT_FOUND("account-not-found"),
  /** {@code existingContactId} names no contact that the lead's owner may see (as above). */
  CONTACT_NOT_FOUND("contact-not-found"),
  /** The opportunity's lines are priced in more than one currency. */
  MIXED_CURRENCIES("mixed-currencies"),
  /** The lead already has an opportunity, from another conversion. */
  LEAD_ALREADY_CONVERTED("lead-already-converted"),
  /** The opportunity id is already the id of another lead's opportunity. */
  OPPORTUNITY_ID_TAKEN("opportunity-id-taken"),
  /** The opportunity draft cannot be used: a line or a value is malformed. */
  INVALID_OPPORTUNITY("invalid-opportunity"),
  /** The lead's data cannot make an account or contact: a value is longer or larger than they hold. */
  INVALID_LEAD_DATA("invalid-lead-data"),
  /**
   * The event lacks what every conversion needs beyond the lead and the conversion: the options, the
   * owner, or the id of a record the options ask to create (or that id is another lead's record).
   */
  INCOMPLETE_EVENT("incomplete-event"),
  /** The database refused a value of the event (SQLSTATE class 22) that no check here caught. */
  DATA_REFUSED("data-refused");

  private final String code;

  ConversionFailure(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
