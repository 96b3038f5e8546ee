package org.leadflow.opportunity.domain;

/** Why an existing contact is taken for the same person. */
public enum ContactMatchedBy {
  /** The same email address, ignoring case. */
  EMAIL("email"),
  /** The same phone number in E.164. */
  PHONE("phone");

  private final String code;

  ContactMatchedBy(String code) {
    this.code = code;
  }

  /** The stable code the API shows. */
  public String code() {
    return code;
  }
}
