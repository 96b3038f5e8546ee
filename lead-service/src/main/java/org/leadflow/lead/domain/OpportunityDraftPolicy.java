package org.leadflow.lead.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What opportunity-service accepts of the opportunity a conversion asks for: the rules of its
 * opportunity line, opportunity, money and estimated value, and the sizes of its columns. A
 * conversion is checked against them when it is asked for (qualify, its dry run, a retry with new
 * options), so that one that must fail for its own data is refused at once, naming the field,
 * instead of being accepted and failing, or staying pending, later.
 *
 * <p>Fields are named relative to the opportunity draft ({@code name}, {@code lines[0].quantity}).
 */
public final class OpportunityDraftPolicy {

  /** Longest opportunity name (column {@code opportunity.name}). */
  public static final int MAX_NAME = 300;
  /** Longest product name of a line (column {@code opportunity_line.product_name}). */
  public static final int MAX_PRODUCT_NAME = 200;
  /** Most lines of one opportunity. */
  public static final int MAX_LINES = 100;

  /** A quantity is numeric(19, 4): at most 4 decimals, 15 digits before the point. */
  private static final int QUANTITY_SCALE = 4;
  private static final int QUANTITY_INTEGER_DIGITS = 15;
  /**
   * Money has the decimals of its currency by ISO 4217, as opportunity-service's Money has (JPY 0,
   * EUR 2, KWD 3; two for a code ISO 4217 does not know), and 17 digits before the point. A
   * conversion carries at most two decimals (the released schema of leadflow.lead.qualified.v1, and
   * of the opportunity.created that answers it): a KWD amount is exact to the fils only when its third
   * decimal is 0.
   */
  private static final int CONVERSION_SCALE = 2;
  private static final int MONEY_INTEGER_DIGITS = 17;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private OpportunityDraftPolicy() {}

  /** One rule broken by one part of the draft. */
  public record Violation(String field, String message) {}

  /**
   * @param name the name asked for, or null for the default (the company, else the person)
   * @param estimatedValue the value stated, or null
   * @param lines the product lines, none null
   * @return every rule the draft breaks; empty when opportunity-service will accept it
   */
  public static List<Violation> check(String name, Money estimatedValue, List<ConversionPlan.Line> lines) {
    List<Violation> violations = new ArrayList<>();
    if (name != null && name.strip().length() > MAX_NAME) {
      violations.add(new Violation("name", "must have at most " + MAX_NAME + " characters"));
    }
    if (estimatedValue != null) {
      checkMoney(violations, "estimatedValue", estimatedValue);
    }
    if (lines.size() > MAX_LINES) {
      violations.add(new Violation("lines", "must be at most " + MAX_LINES));
    }
    boolean linesPriced = true;
    for (int i = 0; i < lines.size(); i++) {
      linesPriced &= checkLine(violations, "lines[" + i + "]", lines.get(i));
    }
    if (linesPriced && !lines.isEmpty()) {
      if (lines.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
        violations.add(new Violation("lines", "must all be priced in one currency"));
      } else if (!fits(valueOf(lines).amount(), CONVERSION_SCALE, MONEY_INTEGER_DIGITS)) {
        violations.add(new Violation("lines", "their sum is too large: at most " + MONEY_INTEGER_DIGITS + " digits before the point"));
      }
    }
    return violations;
  }

  /**
   * The value of product lines as opportunity-service computes it: each line's quantity × unit
   * price rounded half up to the decimals of its currency (JPY 0, EUR 2, KWD 3), summed; all lines
   * are in one currency. Written with two decimals where the currency has more and the amount needs
   * no more (a conversion carries two).
   */
  public static Money valueOf(List<ConversionPlan.Line> lines) {
    String currency = lines.get(0).unitPrice().currency();
    BigDecimal total = BigDecimal.ZERO.setScale(decimals(currency));
    for (ConversionPlan.Line line : lines) {
      total = total.add(amount(line));
    }
    return new Money(atMostConversionScale(total), currency);
  }

  /**
   * The decimals amounts in {@code currency} have by ISO 4217; two for a code ISO 4217 does not
   * know or one without a minor unit, as in opportunity-service.
   */
  static int decimals(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? CONVERSION_SCALE : digits;
    } catch (IllegalArgumentException | NullPointerException e) {
      return CONVERSION_SCALE;
    }
  }

  /** @return whether the line can be priced (its amount is known to fit) */
  private static boolean checkLine(List<Violation> violations, String field, ConversionPlan.Line line) {
    int before = violations.size();
    if (line.productName() == null || line.productName().isBlank()) {
      violations.add(new Violation(field + ".productName", "must not be blank"));
    } else if (line.productName().strip().length() > MAX_PRODUCT_NAME) {
      violations.add(new Violation(field + ".productName", "must have at most " + MAX_PRODUCT_NAME + " characters"));
    }
    BigDecimal quantity = Objects.requireNonNull(line.quantity(), "quantity");
    if (quantity.signum() <= 0) {
      violations.add(new Violation(field + ".quantity", "must be more than 0"));
    } else if (!fits(quantity, QUANTITY_SCALE, QUANTITY_INTEGER_DIGITS)) {
      violations.add(
          new Violation(
              field + ".quantity",
              "must have at most " + QUANTITY_SCALE + " decimals and " + QUANTITY_INTEGER_DIGITS + " digits before the point"));
    }
    Money price = line.unitPrice();
    if (price == null) {
      return false;
    }
    if (price.amount().signum() < 0) {
      violations.add(new Violation(field + ".unitPrice.amount", "must not be negative"));
    }
    checkMoney(violations, field + ".unitPrice", price);
    if (violations.size() > before) {
      return false;
    }
    BigDecimal amount = amount(line);
    if (!fits(amount, decimals(price.currency()), MONEY_INTEGER_DIGITS)) {
      violations.add(new Violation(field, "quantity × unitPrice is too large: at most " + MONEY_INTEGER_DIGITS + " digits before the point"));
      return false;
    }
    if (!fits(amount, CONVERSION_SCALE, MONEY_INTEGER_DIGITS)) {
      violations.add(
          new Violation(
              field,
              "quantity × unitPrice is " + amount.toPlainString() + " " + price.currency() + ": a conversion carries at most "
                  + CONVERSION_SCALE + " decimals"));
      return false;
    }
    return true;
  }

  private static void checkMoney(List<Violation> violations, String field, Money money) {
    if (money.currency() == null || !CURRENCY.matcher(money.currency()).matches()) {
      violations.add(new Violation(field + ".currency", "must be an ISO 4217 currency code such as EUR"));
      return;
    }
    int decimals = decimals(money.currency());
    int scale = Math.min(decimals, CONVERSION_SCALE);
    if (!fits(money.amount(), scale, MONEY_INTEGER_DIGITS)) {
      String why = scale < decimals ? " (a conversion carries " + CONVERSION_SCALE + ")" : " (" + money.currency() + " has " + decimals + ")";
      violations.add(
          new Violation(
              field + ".amount", "must have at most " + scale + " decimals" + why + " and " + MONEY_INTEGER_DIGITS + " digits before the point"));
    }
  }

  /** Quantity × unit price, rounded half up to the decimals of its currency. */
  private static BigDecimal amount(ConversionPlan.Line line) {
    return line.unitPrice().amount().multiply(line.quantity()).setScale(decimals(line.unitPrice().currency()), RoundingMode.HALF_UP);
  }

  /** {@code amount} with two decimals when it has more but needs no more than two (KWD 1.250 → 1.25). */
  private static BigDecimal atMostConversionScale(BigDecimal amount) {
    return amount.scale() > CONVERSION_SCALE && amount.stripTrailingZeros().scale() <= CONVERSION_SCALE
        ? amount.setScale(CONVERSION_SCALE, RoundingMode.UNNECESSARY)
        : amount;
  }

  /** Whether {@code number} has at most {@code scale} decimals and {@code integerDigits} digits before the point. */
  private static boolean fits(BigDecimal number, int scale, int integerDigits) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() <= scale && stripped.precision() - stripped.scale() <= integerDigits;
  }
}
