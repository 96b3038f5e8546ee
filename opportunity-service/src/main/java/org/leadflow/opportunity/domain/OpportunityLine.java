package org.leadflow.opportunity.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One product line of an opportunity: a product of the catalogue ({@code productId}, whose name and
 * price per unit are the line's defaults) or a write-in product, named by {@code productName}. Its
 * extended amount is (quantity × price per unit − discount) + tax, each rounded to the decimals of
 * the opportunity's currency.
 */
@Entity
@Table(name = "opportunity_line")
public class OpportunityLine {

  static final int MAX_PRODUCT_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;
  private static final int QUANTITY_SCALE = 4;
  /** Digits before the decimal point that the quantity column, numeric(19, 4), holds. */
  private static final int QUANTITY_INTEGER_DIGITS = 15;

  @Id private UUID id;

  private UUID opportunityId;
  private int lineNumber;
  private UUID productId;
  private String productName;
  private BigDecimal quantity;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "unit_price_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "unit_price_currency"))
  })
  private Money unitPrice;

  @Embedded private Money amount;

  private String description;
  private BigDecimal discountAmount;
  private BigDecimal taxAmount;

  protected OpportunityLine() {}

  /**
   * A line as a seller writes it. Discount and tax may be null (none); the product id is null for a
   * write-in product.
   */
  public record Values(
      UUID productId, String productName, String description, BigDecimal quantity, Money unitPrice, Money discount, Money tax) {

    /** These values, with the catalogue's name and price per unit where the seller gave none. */
    public Values withDefaults(String catalogueName, Money cataloguePrice) {
      return new Values(
          productId,
          productName == null ? catalogueName : productName,
          description,
          quantity,
          unitPrice == null ? cataloguePrice : unitPrice,
          discount,
          tax);
    }
  }

  /** A line as a conversion asks for it, checked. */
  public record Draft(String productName, BigDecimal quantity, Money unitPrice) {

    /**
     * Reads a line as events write it (quantity and price as decimal strings).
     *
     * @param position the line's place in the draft, from 1, for the failure's detail
     * @throws ConversionFailedException ({@link ConversionFailure#INVALID_OPPORTUNITY}) when a part
     *     is missing or malformed
     */
    public static Draft parse(int position, String productName, String quantity, String unitAmount, String unitCurrency) {
      String where = "Line " + position + ": ";
      if (productName == null || productName.isBlank() || productName.strip().length() > MAX_PRODUCT_NAME) {
        throw invalid(where + "productName is required, at most " + MAX_PRODUCT_NAME + " characters");
      }
      BigDecimal count;
      try {
        count = new BigDecimal(quantity == null ? "" : quantity.strip());
      } catch (NumberFormatException e) {
        throw invalid(where + "quantity '" + quantity + "' is not a decimal number");
      }
      if (count.signum() <= 0
          || count.stripTrailingZeros().scale() > QUANTITY_SCALE
          || count.precision() - count.scale() > QUANTITY_INTEGER_DIGITS) {
        throw invalid(
            where + "quantity must be positive, below 10^" + QUANTITY_INTEGER_DIGITS + ", with at most "
                + QUANTITY_SCALE + " decimals, not " + quantity);
      }
      Money price;
      try {
        price = Money.parse(unitAmount, unitCurrency);
      } catch (IllegalArgumentException e) {
        throw invalid(where + "unitPrice is not money: " + e.getMessage());
      }
      if (price.amount().signum() < 0) {
        throw invalid(where + "unitPrice must not be negative");
      }
      Draft draft = new Draft(productName.strip(), count, price);
      try {
        draft.amount();
      } catch (IllegalArgumentException e) {
        throw invalid(where + "quantity × unitPrice is too large");
      }
      return draft;
    }

    /** Quantity × unit price, rounded half up to two decimals. */
    public Money amount() {
      return unitPrice.times(quantity);
    }

    private static ConversionFailedException invalid(String detail) {
      return new ConversionFailedException(ConversionFailure.INVALID_OPPORTUNITY, detail);
    }
  }

  static OpportunityLine of(UUID opportunityId, int lineNumber, Draft draft) {
    OpportunityLine line = new OpportunityLine();
    line.id = UUID.randomUUID();
    line.opportunityId = opportunityId;
    line.lineNumber = lineNumber;
    line.productName = draft.productName();
    line.quantity = draft.quantity();
    line.unitPrice = draft.unitPrice();
    line.amount = draft.amount();
    line.discountAmount = BigDecimal.ZERO;
    line.taxAmount = BigDecimal.ZERO;
    return line;
  }

  /**
   * A new line of the seller's.
   *
   * @throws InvalidValuesException when a value is out of range (see {@link #change})
   */
  static OpportunityLine written(UUID opportunityId, int lineNumber, Values values) {
    OpportunityLine line = new OpportunityLine();
    line.id = UUID.randomUUID();
    line.opportunityId = opportunityId;
    line.lineNumber = lineNumber;
    line.change(values);
    return line;
  }

  /**
   * Sets the line's values and its extended amount.
   *
   * @throws InvalidValuesException when the product name is blank or too long, the quantity is not
   *     positive or too precise, the price negative, the discount more than quantity × price, the
   *     tax negative, or the currencies differ
   */
  void change(Values values) {
    List<InvalidValuesException.Violation> errors = new ArrayList<>();
    if (values.productName() == null || values.productName().isBlank() || values.productName().strip().length() > MAX_PRODUCT_NAME) {
      errors.add(new InvalidValuesException.Violation("productName", "is required, at most " + MAX_PRODUCT_NAME + " characters"));
    }
    if (values.description() != null && values.description().length() > MAX_DESCRIPTION) {
      errors.add(new InvalidValuesException.Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    BigDecimal count = values.quantity();
    if (count == null
        || count.signum() <= 0
        || count.stripTrailingZeros().scale() > QUANTITY_SCALE
        || count.precision() - count.scale() > QUANTITY_INTEGER_DIGITS) {
      errors.add(
          new InvalidValuesException.Violation(
              "quantity", "must be positive, below 10^" + QUANTITY_INTEGER_DIGITS + ", with at most " + QUANTITY_SCALE + " decimals"));
    }
    Money price = values.unitPrice();
    if (price == null) {
      errors.add(new InvalidValuesException.Violation("unitPrice", "is required"));
    } else if (price.isNegative()) {
      errors.add(new InvalidValuesException.Violation("unitPrice", "must not be negative"));
    }
    String currency = price == null ? null : price.currency();
    Money discount = values.discount();
    Money tax = values.tax();
    if (discount != null && (discount.isNegative() || (currency != null && !discount.currency().equals(currency)))) {
      errors.add(new InvalidValuesException.Violation("discount", "must not be negative, in the currency of unitPrice"));
    }
    if (tax != null && (tax.isNegative() || (currency != null && !tax.currency().equals(currency)))) {
      errors.add(new InvalidValuesException.Violation("tax", "must not be negative, in the currency of unitPrice"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidValuesException(errors);
    }
    Money base;
    Money extended;
    try {
      base = price.times(count);
      Money off = discount == null ? Money.zero(currency) : discount;
      if (off.amount().compareTo(base.amount()) > 0) {
        throw InvalidValuesException.of("discount", "must not be more than quantity × unitPrice (" + base + ")");
      }
      extended = base.minus(off).plus(tax == null ? Money.zero(currency) : tax);
    } catch (IllegalArgumentException e) {
      throw InvalidValuesException.of("quantity", "quantity × unitPrice is too large");
    }
    this.productId = values.productId();
    this.productName = values.productName().strip();
    this.description = values.description();
    this.quantity = count;
    this.unitPrice = price;
    this.discountAmount = discount == null ? BigDecimal.ZERO : discount.amount();
    this.taxAmount = tax == null ? BigDecimal.ZERO : tax.amount();
    this.amount = extended;
  }

  /** The line's values as a seller wrote them. */
  public Values values() {
    return new Values(productId, productName, description, quantity, unitPrice(), discount(), tax());
  }

  public UUID id() {
    return id;
  }

  public UUID opportunityId() {
    return opportunityId;
  }

  public int lineNumber() {
    return lineNumber;
  }

  /** The catalogue product the line is of; null for a write-in product. */
  public UUID productId() {
    return productId;
  }

  public String productName() {
    return productName;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public Money unitPrice() {
    return unitPrice;
  }

  /** The extended amount: (quantity × price per unit − discount) + tax. */
  public Money amount() {
    return amount;
  }

  /** Quantity × price per unit, before discount and tax. */
  public Money baseAmount() {
    return unitPrice.times(quantity);
  }

  public String description() {
    return description;
  }

  public Money discount() {
    return new Money(discountAmount, unitPrice.currency());
  }

  public Money tax() {
    return new Money(taxAmount, unitPrice.currency());
  }
}
