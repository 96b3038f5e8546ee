package org.leadflow.opportunity.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One product line of an opportunity: quantity × unit price. */
@Entity
@Table(name = "opportunity_line")
public class OpportunityLine {

  static final int MAX_PRODUCT_NAME = 200;
  private static final int QUANTITY_SCALE = 4;
  /** Digits before the decimal point that the quantity column, numeric(19, 4), holds. */
  private static final int QUANTITY_INTEGER_DIGITS = 15;

  @Id private UUID id;

  private UUID opportunityId;
  private int lineNumber;
  private String productName;
  private BigDecimal quantity;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "unit_price_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "unit_price_currency"))
  })
  private Money unitPrice;

  @Embedded private Money amount;

  protected OpportunityLine() {}

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
    return line;
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

  public String productName() {
    return productName;
  }

  public BigDecimal quantity() {
    return quantity;
  }

  public Money unitPrice() {
    return unitPrice;
  }

  public Money amount() {
    return amount;
  }
}
