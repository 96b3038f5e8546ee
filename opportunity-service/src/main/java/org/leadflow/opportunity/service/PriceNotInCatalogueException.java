package org.leadflow.opportunity.service;

import java.util.List;
import java.util.UUID;

/**
 * A line cannot have the product: the catalogue has no such product, no longer offers it, or offers
 * it in no such currency (422).
 */
public class PriceNotInCatalogueException extends RuntimeException {

  PriceNotInCatalogueException(String detail) {
    super(detail);
  }

  static PriceNotInCatalogueException unknown(UUID productId) {
    return new PriceNotInCatalogueException("No product with id " + productId + " in the catalogue");
  }

  static PriceNotInCatalogueException inactive(UUID productId) {
    return new PriceNotInCatalogueException("Product " + productId + " is deactivated: new lines cannot choose it");
  }

  static PriceNotInCatalogueException noPrice(UUID productId, String currency) {
    return new PriceNotInCatalogueException("Product " + productId + " has no price in " + currency);
  }

  static PriceNotInCatalogueException noCurrencyYet(UUID productId, List<String> currencies) {
    return new PriceNotInCatalogueException(
        "The opportunity has no currency yet and product " + productId + " has prices in " + String.join(", ", currencies)
            + ": give unitPrice to choose one");
  }
}
