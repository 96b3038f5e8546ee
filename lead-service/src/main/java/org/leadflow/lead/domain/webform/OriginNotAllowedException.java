package org.leadflow.lead.domain.webform;

/** A browser page of an origin the form does not list posted to it (403). */
public class OriginNotAllowedException extends RuntimeException {
  public OriginNotAllowedException() {
    super("This form does not take submissions from pages of this origin");
  }
}
