package org.leadflow.opportunity.service;

import java.util.UUID;

/** The catalogue offers the product in no such currency, or no longer offers it at all (422). */
public class PriceNotInCatalogueException extends RuntimeException {

  PriceNotInCatalogueException(String detail) {
    super(detail);
  }

  static PriceNotInCatalogueException inactive(UUID productId) {
    return new PriceNotInCatalogueException("Product " + productId + " is deactivated: new lines cannot choose it");
  }

  static PriceNotInCatalogueException noPrice(UUID productId, String currency) {
    return new PriceNotInCatalogueException("Product " + productId + " has no price in " + currency);
  }
}
