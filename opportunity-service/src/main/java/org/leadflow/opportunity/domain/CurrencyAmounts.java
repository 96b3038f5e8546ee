package org.leadflow.opportunity.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * Amounts exact to their currency's minor unit (ISO 4217, as {@link Currency#getDefaultFractionDigits}
 * knows it): JPY has no decimals, EUR two, KWD three. An amount with more decimals than its currency
 * has is refused, never rounded: nobody can pay 0.5 yen. Unlike {@link Money}, which also carries
 * what events bring (codes ISO 4217 does not know keep two decimals there), prices need an ISO 4217
 * currency with a minor unit of its own.
 */
public final class CurrencyAmounts {

  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  /** Digits before the decimal point that the catalogue's numeric(19, 4) columns hold. */
  private static final int INTEGER_DIGITS = 15;

  private CurrencyAmounts() {}

  /**
   * How many decimals amounts in {@code code} have.
   *
   * @throws IllegalArgumentException when {@code code} is no ISO 4217 currency, or one without a minor
   *     unit of its own (XAU, XXX, ...)
   */
  public static int decimals(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("must be an ISO 4217 currency code such as EUR");
    }
    Currency currency;
    try {
      currency = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be an ISO 4217 currency code such as EUR, not " + code);
    }
    int decimals = currency.getDefaultFractionDigits();
    if (decimals < 0) {
      throw new IllegalArgumentException(code + " is not a currency prices are set in");
    }
    return decimals;
  }

  /**
   * {@code amount} with exactly its currency's decimals ({@code 1250} EUR → {@code 1250.00}).
   *
   * @throws IllegalArgumentException when the currency is unknown, the amount is negative, has more
   *     decimals than the currency or more than 15 digits before the point
   */
  public static BigDecimal exact(BigDecimal amount, String code) {
    int decimals = decimals(code);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("must not be negative");
    }
    if (amount.stripTrailingZeros().scale() > decimals) {
      throw new IllegalArgumentException(
          "has more decimals than " + code + " has (" + decimals + ")");
    }
    BigDecimal scaled = amount.setScale(decimals);
    if (scaled.precision() - scaled.scale() > INTEGER_DIGITS) {
      throw new IllegalArgumentException("is too large (at most " + INTEGER_DIGITS + " digits before the point)");
    }
    return scaled;
  }

  /**
   * Reads an amount as requests write it, a decimal string.
   *
   * @throws IllegalArgumentException when it is no decimal number, or {@link #exact} refuses it
   */
  public static BigDecimal parse(String amount, String code) {
    if (amount == null || amount.isBlank()) {
      throw new IllegalArgumentException("is missing");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(amount.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a decimal number such as \"1250.00\"");
    }
    if (Math.abs((long) value.scale()) > 1000) {
      throw new IllegalArgumentException("must be a decimal number such as \"1250.00\"");
    }
    return exact(value, code);
  }
}
