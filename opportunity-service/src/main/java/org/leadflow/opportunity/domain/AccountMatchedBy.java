package org.leadflow.opportunity.domain;

/** Why an existing account is taken for the same organisation. */
public enum AccountMatchedBy {
  /** The normalised company names are equal ({@link CompanyNames}). */
  COMPANY_NAME("company-name"),
  /** The domain of the given email address is the account's website or email domain. */
  EMAIL_DOMAIN("email-domain"),
  /** The domain of the given website is the account's website or email domain. */
  WEBSITE_DOMAIN("website-domain");

  private final String code;

  AccountMatchedBy(String code) {
    this.code = code;
  }

  /** The stable code the API shows. */
  public String code() {
    return code;
  }
}
