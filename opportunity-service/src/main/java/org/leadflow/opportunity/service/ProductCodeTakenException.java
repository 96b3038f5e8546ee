package org.leadflow.opportunity.service;

/** Another product of the catalogue has this code, whatever its case (409). */
public class ProductCodeTakenException extends RuntimeException {

  ProductCodeTakenException(String code) {
    super("Another product of the catalogue has the code " + code + " (codes are unique, ignoring case)");
  }
}
