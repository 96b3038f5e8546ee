package org.leadflow.opportunity.service;

import java.util.UUID;

/** No record of this kind has this id. */
public class RecordNotFoundException extends RuntimeException {

  private final String kind;

  private RecordNotFoundException(String kind, String detail) {
    super(detail);
    this.kind = kind;
  }

  /**
   * lead-service hands out opportunity ids before this service has created them (the conversion is
   * asynchronous), so an unknown id may simply not be there yet.
   */
  public static RecordNotFoundException opportunity(UUID id) {
    return new RecordNotFoundException(
        "Opportunity",
        "No opportunity with id " + id + ". If the id comes from qualifying a lead, the conversion may"
            + " still be pending (not processed yet) or may have failed: check the lead's conversion"
            + " status, or retry shortly.");
  }

  public static RecordNotFoundException account(UUID id) {
    return new RecordNotFoundException(
        "Account", "No account with id " + id + " (an account of a pending conversion appears once it is processed)");
  }

  public static RecordNotFoundException contact(UUID id) {
    return new RecordNotFoundException(
        "Contact", "No contact with id " + id + " (a contact of a pending conversion appears once it is processed)");
  }

  public static RecordNotFoundException product(UUID id) {
    return new RecordNotFoundException("Product", "No product with id " + id + " in the catalogue");
  }

  public static RecordNotFoundException line(UUID opportunityId, UUID lineId) {
    return new RecordNotFoundException("Line", "The opportunity " + opportunityId + " has no line with id " + lineId);
  }

  /** "Opportunity", "Account", "Contact", "Product" or "Line". */
  public String kind() {
    return kind;
  }
}
