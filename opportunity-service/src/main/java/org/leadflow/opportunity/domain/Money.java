package org.leadflow.opportunity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in a currency (ISO 4217 code), kept to two decimals as LeadFlow writes money everywhere. */
@Embeddable
public class Money {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int SCALE = 2;
  /** Digits before the decimal point that the database's numeric(19, 2) columns hold. */
  private static final int INTEGER_DIGITS = 17;

  @Column(name = "amount")
  private BigDecimal amount;

  @Column(name = "currency")
  private String currency;

  protected Money() {}

  /**
   * @throws IllegalArgumentException when the currency is not a three-letter code, or the amount
   *     has more than two decimals or more than 17 digits before the point
   */
  public Money(BigDecimal amount, String currency) {
    Objects.requireNonNull(amount, "amount");
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, not " + currency);
    }
    if (amount.stripTrailingZeros().scale() > SCALE) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more than two decimals");
    }
    BigDecimal scaled = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    if (scaled.precision() - scaled.scale() > INTEGER_DIGITS) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " is too large");
    }
    this.amount = scaled;
    this.currency = currency;
  }

  /**
   * Reads money as events and requests write it: the amount as a decimal string.
   *
   * @throws IllegalArgumentException when either part is missing or malformed
   */
  public static Money parse(String amount, String currency) {
    if (amount == null) {
      throw new IllegalArgumentException("amount is missing");
    }
    try {
      return new Money(new BigDecimal(amount.strip()), currency);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + amount + "' is not a decimal number");
    }
  }

  public BigDecimal amount() {
    return amount;
  }

  public String currency() {
    return currency;
  }

  /** The amount as a decimal string with two decimals, e.g. {@code "1250.00"}. */
  public String amountText() {
    return amount.toPlainString();
  }

  /** This price times a quantity, rounded half up to two decimals. */
  public Money times(BigDecimal quantity) {
    return new Money(amount.multiply(quantity).setScale(SCALE, RoundingMode.HALF_UP), currency);
  }

  /** @throws IllegalArgumentException when the currencies differ */
  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
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

  @Override
  public String toString() {
    return amountText() + " " + currency;
  }
}
