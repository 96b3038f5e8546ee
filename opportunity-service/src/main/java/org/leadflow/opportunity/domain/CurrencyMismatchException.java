package org.leadflow.opportunity.domain;

/** Money in another currency than the opportunity's (422): one opportunity has one currency. */
public class CurrencyMismatchException extends RuntimeException {

  private final String field;

  public CurrencyMismatchException(String field, String given, String expected, String whose) {
    super(field + " is in " + given + ", not in " + expected + " (" + whose + "); one opportunity has one currency");
    this.field = field;
  }

  /** The member that is in the wrong currency, as the API names it. */
  public String field() {
    return field;
  }
}
