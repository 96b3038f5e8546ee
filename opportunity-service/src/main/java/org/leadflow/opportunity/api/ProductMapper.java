package org.leadflow.opportunity.api;

import java.util.ArrayList;
import java.util.List;
import org.leadflow.opportunity.domain.CurrencyAmounts;
import org.leadflow.opportunity.domain.InvalidFieldException;
import org.leadflow.opportunity.domain.Product;
import org.leadflow.opportunity.domain.UnitPrice;
import org.leadflow.opportunity.service.ProductCatalogue.CatalogueProduct;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/** Maps catalogue products to and from the API's records, explicitly. */
final class ProductMapper {

  private ProductMapper() {}

  static ProductResponse response(CatalogueProduct found) {
    Product p = found.product();
    return new ProductResponse(
        p.id(), p.code(), p.name(), p.description(), p.active(), prices(found.prices()), p.createdAt(), p.updatedAt(), p.version());
  }

  /** The product as a merge patch sees it. */
  static ProductInput input(CatalogueProduct found) {
    Product p = found.product();
    return new ProductInput(p.code(), p.name(), p.description(), p.active(), prices(found.prices()));
  }

  /**
   * What the input states, checked field by field.
   *
   * @throws InvalidRequestException naming every invalid price, or the first other invalid field
   */
  static Product.Details details(ProductInput input) {
    List<FieldError> errors = new ArrayList<>();
    List<UnitPrice> prices = new ArrayList<>();
    List<UnitPriceDto> given = input.prices() == null ? List.of() : input.prices();
    for (int i = 0; i < given.size(); i++) {
      UnitPriceDto price = given.get(i);
      String at = "prices[" + i + "]";
      if (price == null) {
        errors.add(new FieldError(at, "must be {amount, currency}"));
        continue;
      }
      try {
        CurrencyAmounts.decimals(price.currency());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".currency", e.getMessage()));
        continue;
      }
      try {
        prices.add(new UnitPrice(price.currency(), CurrencyAmounts.parse(price.amount(), price.currency())));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(at + ".amount", e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    try {
      return new Product.Details(
          input.code(), input.name(), input.description(), input.active() == null || input.active(), prices);
    } catch (InvalidFieldException e) {
      throw new InvalidRequestException(List.of(new FieldError(e.field(), e.reason())));
    }
  }

  private static List<UnitPriceDto> prices(List<UnitPrice> prices) {
    return prices.stream().map(price -> new UnitPriceDto(price.amountText(), price.currency())).toList();
  }
}
