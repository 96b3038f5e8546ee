package org.leadflow.opportunity.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A price per unit in one currency, exact to the currency's decimals ({@link CurrencyAmounts}). */
public record UnitPrice(String currency, BigDecimal amount) {

  /** @throws IllegalArgumentException when the amount does not fit the currency */
  public UnitPrice {
    Objects.requireNonNull(amount, "amount");
    amount = CurrencyAmounts.exact(amount, currency);
  }

  /** The amount as a decimal string with the currency's decimals: "1250.00" EUR, "1250" JPY, "1.250" KWD. */
  public String amountText() {
    return amount.toPlainString();
  }
}
