package org.leadflow.lead.domain.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.leadflow.lead.domain.Money;

/** How policies compare and show the values they read: text without case, money per currency. */
final class Values {

  private Values() {}

  /** Whether two values are the same, text compared without case or surrounding spaces. */
  static boolean same(Object value, Object other) {
    if (value instanceof String text && other instanceof String otherText) {
      return normalised(text).equals(normalised(otherText));
    }
    if (value instanceof BigDecimal number && other instanceof BigDecimal otherNumber) {
      return number.compareTo(otherNumber) == 0;
    }
    return value.equals(other);
  }

  /** Whether {@code value} can be compared with {@code other} at all (same kind, same currency). */
  static boolean comparable(Object value, Object other) {
    if (value instanceof Money money) {
      return other instanceof Money otherMoney && money.currency().equals(otherMoney.currency());
    }
    return value.getClass() == other.getClass();
  }

  /** Order of two comparable numbers or amounts. */
  static int compare(Object value, Object other) {
    if (value instanceof Money money) {
      return money.amount().compareTo(((Money) other).amount());
    }
    return ((BigDecimal) value).compareTo((BigDecimal) other);
  }

  static boolean orderable(Object value) {
    return value instanceof BigDecimal || value instanceof Money;
  }

  /** The value as a person reads it: {@code Can Buy}, {@code 250}, {@code 10000.00 EUR}, {@code true}. */
  static String shown(Object value) {
    if (value instanceof Money money) {
      return money.decimalAmount() + " " + money.currency();
    }
    if (value instanceof BigDecimal number) {
      return number.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  static String listed(List<Object> values) {
    return values.stream().map(Values::shown).collect(Collectors.joining(", "));
  }

  private static String normalised(String text) {
    return text.strip().toLowerCase(Locale.ROOT);
  }
}
