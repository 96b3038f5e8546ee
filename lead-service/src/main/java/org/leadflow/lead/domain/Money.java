package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An amount in a currency (ISO 4217 code). */
@Embeddable
public class Money {

  @Column(name = "amount")
  private BigDecimal amount;

  @Column(name = "currency")
  private String currency;

  protected Money() {}

  public Money(BigDecimal amount, String currency) {
    this.amount = Objects.requireNonNull(amount);
    this.currency = Objects.requireNonNull(currency);
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  /**
   * The amount as LeadFlow writes money everywhere (docs/architecture.md, section REST conventions): a decimal
   * string, 2 places.
   */
  public String decimalAmount() {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Money money
        && amount.compareTo(money.amount) == 0
        && currency.equals(money.currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount.stripTrailingZeros(), currency);
  }
}
