package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** A product's price per unit in one currency (a product has at most one per currency). */
@Entity
@Table(name = "product_price")
@IdClass(ProductPrice.Key.class)
public class ProductPrice {

  @Id private UUID productId;
  @Id private String currency;
  private BigDecimal amount;

  protected ProductPrice() {}

  public ProductPrice(UUID productId, UnitPrice price) {
    this.productId = productId;
    this.currency = price.currency();
    this.amount = price.amount();
  }

  /** Sets a new amount in the same currency. */
  public void reprice(UnitPrice price) {
    if (!price.currency().equals(currency)) {
      throw new IllegalArgumentException("a price in " + currency + " cannot become one in " + price.currency());
    }
    amount = price.amount();
  }

  public String currency() {
    return currency;
  }

  public UUID productId() {
    return productId;
  }

  /** Exact to the currency's decimals (the column keeps four). */
  public UnitPrice price() {
    return new UnitPrice(currency, amount.stripTrailingZeros().setScale(CurrencyAmounts.decimals(currency)));
  }

  /** The identity of a price: its product and currency. */
  public static class Key implements Serializable {
    private UUID productId;
    private String currency;

    protected Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Objects.equals(productId, key.productId) && Objects.equals(currency, key.currency);
    }

    @Override
    public int hashCode() {
      return Objects.hash(productId, currency);
    }
  }
}
