package org.leadflow.opportunity.domain;

/**
 * Why a qualified lead could not be converted. The codes are the stable {@code reason} of
 * {@code leadflow.opportunity.conversion-failed.v1}: lead-service and integrators switch on them.
 */
public enum ConversionFailure {
  /** {@code existingAccountId} names no account. */
  ACCOUNT_NOT_FOUND("account-not-found"),
  /** {@code existingContactId} names no contact. */
  CONTACT_NOT_FOUND("contact-not-found"),
  /** The opportunity's lines are priced in more than one currency. */
  MIXED_CURRENCIES("mixed-currencies"),
  /** The lead already has an opportunity, from another conversion. */
  LEAD_ALREADY_CONVERTED("lead-already-converted"),
  /** The opportunity id is already the id of another lead's opportunity. */
  OPPORTUNITY_ID_TAKEN("opportunity-id-taken"),
  /** The opportunity draft cannot be used: a line or a value is malformed. */
  INVALID_OPPORTUNITY("invalid-opportunity");

  private final String code;

  ConversionFailure(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
