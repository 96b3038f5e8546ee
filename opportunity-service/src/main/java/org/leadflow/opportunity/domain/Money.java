package org.leadflow.opportunity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount in a currency (ISO 4217 code), exact, with the decimals the currency has by ISO 4217
 * ({@link Currency#getDefaultFractionDigits()}: JPY 0, EUR 2, KWD 3). A three-letter code that is no
 * ISO 4217 currency, or one without minor units (XAU), keeps two decimals.
 */
@Embeddable
public class Money {

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final int DEFAULT_SCALE = 2;
  /** Digits before the decimal point that the database's numeric(21, 4) columns hold. */
  private static final int INTEGER_DIGITS = 17;

  @Column(name = "amount")
  private BigDecimal amount;

  @Column(name = "currency")
  private String currency;

  protected Money() {}

  /**
   * @throws IllegalArgumentException when the currency is not a three-letter code, or the amount
   *     has more decimals than the currency or more than 17 digits before the point
   */
  public Money(BigDecimal amount, String currency) {
    Objects.requireNonNull(amount, "amount");
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, not " + currency);
    }
    int scale = decimals(currency);
    if (amount.stripTrailingZeros().scale() > scale) {
      throw new IllegalArgumentException(
          "amount " + amount.toPlainString() + " has more than the " + scale + " decimals " + currency + " has");
    }
    BigDecimal scaled = amount.setScale(scale, RoundingMode.UNNECESSARY);
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

  /** The decimals amounts in {@code currency} have by ISO 4217; two for codes ISO 4217 does not know. */
  public static int decimals(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? DEFAULT_SCALE : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return DEFAULT_SCALE;
    }
  }

  /** Whether {@code currency} is an ISO 4217 currency code. */
  public static boolean isIsoCurrency(String currency) {
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      return false;
    }
    try {
      Currency.getInstance(currency);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code amount} rounded half up to the decimals of {@code currency}: a sum of weighted values, say. */
  public static Money rounded(BigDecimal amount, String currency) {
    return new Money(amount.setScale(decimals(currency), RoundingMode.HALF_UP), currency);
  }

  /** Nothing, in {@code currency}. */
  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** The amount with its currency's decimals (the database column holds four). */
  public BigDecimal amount() {
    return amount.setScale(decimals(currency), RoundingMode.HALF_UP);
  }

  public String currency() {
    return currency;
  }

  /** The amount as a decimal string with the currency's decimals, e.g. {@code "1250.00"}, {@code "1250"} in JPY. */
  public String amountText() {
    return amount().toPlainString();
  }

  /** This price times a quantity, rounded half up to the currency's decimals. */
  public Money times(BigDecimal quantity) {
    return new Money(amount.multiply(quantity).setScale(decimals(currency), RoundingMode.HALF_UP), currency);
  }

  /** @throws IllegalArgumentException when the currencies differ */
  public Money plus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
    return new Money(amount.add(other.amount), currency);
  }

  /** @throws IllegalArgumentException when the currencies differ */
  public Money minus(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot subtract " + other.currency + " from " + currency);
    }
    return new Money(amount.subtract(other.amount), currency);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
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
