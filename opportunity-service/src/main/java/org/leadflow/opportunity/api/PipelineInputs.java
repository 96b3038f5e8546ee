package org.leadflow.opportunity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.leadflow.opportunity.domain.EstimatedValueSource;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.domain.UnknownLabelException;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.MergePatch;
import org.leadflow.web.Problems;

/**
 * Reads the pipeline's requests into the domain's values, explicitly, refusing (400) every member
 * that cannot be read, all named at once; and writes the current values back as requests, which a
 * JSON Merge Patch is applied to.
 */
final class PipelineInputs {

  /** A quantity as requests write it: plain decimal digits, no sign or exponent. */
  static final String QUANTITY_PATTERN = "^[0-9]{1,15}(\\.[0-9]{1,4})?$";

  private static final Pattern QUANTITY = Pattern.compile(QUANTITY_PATTERN);
  private static final String ESTIMATED_VALUE = "estimatedValue";
  private static final String ESTIMATED_VALUE_SOURCE = "estimatedValueSource";
  private static final String PRODUCT_ID = "productId";
  private static final String PRODUCT_NAME = "productName";
  private static final String UNIT_PRICE = "unitPrice";

  private PipelineInputs() {}

  /** The opportunity's editable values as an edit request. */
  static PipelineRequests.Edit edit(Opportunity.Edit current) {
    return new PipelineRequests.Edit(
        current.name(),
        current.description(),
        current.estimatedCloseDate(),
        current.probability(),
        ResponseMapper.money(current.estimatedValue()),
        current.estimatedValueSource().label(),
        current.customerNeed(),
        current.proposedSolution(),
        current.finalProposalDate(),
        current.ownerId());
  }

  /**
   * The edit a merge patch makes of the current values. Setting {@code estimatedValue} makes it
   * user-provided unless the patch names the source too.
   */
  static Opportunity.Edit patchedEdit(ObjectMapper json, Opportunity.Edit current, JsonNode patch) {
    JsonNode merged = MergePatch.apply(json.valueToTree(edit(current)), patch);
    boolean valueGiven = patch.hasNonNull(ESTIMATED_VALUE);
    if ((valueGiven || patch.has(ESTIMATED_VALUE)) && !patch.has(ESTIMATED_VALUE_SOURCE)) {
      ((ObjectNode) merged).put(ESTIMATED_VALUE_SOURCE, EstimatedValueSource.USER.label());
    }
    PipelineRequests.Edit input = read(json, merged, PipelineRequests.Edit.class);
    List<FieldError> errors = new ArrayList<>();
    EstimatedValueSource source = label(errors, ESTIMATED_VALUE_SOURCE, input.estimatedValueSource(), EstimatedValueSource::fromLabel);
    if (source == EstimatedValueSource.LINES && valueGiven) {
      errors.add(new FieldError(ESTIMATED_VALUE, "cannot be set while estimatedValueSource is lines (the lines make it)"));
    }
    Money value = money(errors, ESTIMATED_VALUE, input.estimatedValue());
    if (input.probability() == null) {
      errors.add(new FieldError("probability", "is required (0 to 100)"));
    }
    if (input.name() == null) {
      errors.add(new FieldError("name", "is required"));
    }
    if (input.ownerId() == null) {
      errors.add(new FieldError("ownerId", "is required"));
    }
    failOn(errors);
    return new Opportunity.Edit(
        input.name(),
        input.description(),
        input.estimatedCloseDate(),
        input.probability(),
        source,
        value,
        input.customerNeed(),
        input.proposedSolution(),
        input.finalProposalDate(),
        input.ownerId());
  }

  /** A line as a line request. */
  static PipelineRequests.Line line(OpportunityLine.Values current) {
    return new PipelineRequests.Line(
        current.productName(),
        current.description(),
        current.quantity().stripTrailingZeros().toPlainString(),
        ResponseMapper.money(current.unitPrice()),
        ResponseMapper.money(current.discount()),
        ResponseMapper.money(current.tax()),
        current.productId());
  }

  /**
   * The values a merge patch makes of a line's current values. A patch that names another catalogue
   * product leaves the name and price it does not give to that product's defaults.
   */
  static OpportunityLine.Values patchedLine(ObjectMapper json, OpportunityLine.Values current, JsonNode patch) {
    JsonNode merged = MergePatch.apply(json.valueToTree(line(current)), patch);
    JsonNode product = patch.get(PRODUCT_ID);
    if (merged instanceof ObjectNode members
        && product != null
        && !product.isNull()
        && !product.asText().equals(String.valueOf(current.productId()))) {
      for (String defaulted : List.of(PRODUCT_NAME, UNIT_PRICE)) {
        if (!patch.has(defaulted)) {
          members.remove(defaulted);
        }
      }
    }
    return line(read(json, merged, PipelineRequests.Line.class));
  }

  /** The values of a line request. */
  static OpportunityLine.Values line(PipelineRequests.Line input) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal quantity = null;
    if (input.quantity() == null) {
      errors.add(new FieldError("quantity", "is required"));
    } else if (!QUANTITY.matcher(input.quantity()).matches()) {
      errors.add(new FieldError("quantity", "must be a decimal number with at most 4 decimals, such as \"2.5\""));
    } else {
      quantity = new BigDecimal(input.quantity());
    }
    // A catalogue product's line takes the product's name and price where it gives none.
    if (input.productName() == null && input.productId() == null) {
      errors.add(new FieldError(PRODUCT_NAME, "is required for a write-in product (without productId)"));
    }
    if (input.unitPrice() == null && input.productId() == null) {
      errors.add(new FieldError(UNIT_PRICE, "is required for a write-in product (without productId)"));
    }
    Money price = money(errors, UNIT_PRICE, input.unitPrice());
    Money discount = money(errors, "discount", input.discount());
    Money tax = money(errors, "tax", input.tax());
    failOn(errors);
    return new OpportunityLine.Values(input.productId(), input.productName(), input.description(), quantity, price, discount, tax);
  }

  /** Money as requests write it; null for null. Adds an error when it is no money in an ISO 4217 currency. */
  static Money money(List<FieldError> errors, String field, MoneyDto money) {
    if (money == null) {
      return null;
    }
    if (money.currency() == null || !Money.isIsoCurrency(money.currency())) {
      errors.add(new FieldError(field + ".currency", "must be an ISO 4217 currency code, such as EUR"));
      return null;
    }
    try {
      return Money.parse(money.amount(), money.currency());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field + ".amount", e.getMessage()));
      return null;
    }
  }

  /** The value with this label; null (and an error) when there is none. */
  static <T> T label(List<FieldError> errors, String field, String label, Function<String, T> fromLabel) {
    if (label == null) {
      return null;
    }
    try {
      return fromLabel.apply(label);
    } catch (UnknownLabelException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  /**
   * @throws InvalidRequestException unless the merge patch is a JSON object (RFC 7386 allows any
   *     value, which would replace the whole record)
   */
  static JsonNode requireObject(JsonNode patch) {
    if (!patch.isObject()) {
      throw new InvalidRequestException(List.of(new FieldError("body", "must be a JSON object")));
    }
    return patch;
  }

  static void failOn(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static <T> T read(ObjectMapper json, JsonNode merged, Class<T> type) {
    try {
      return json.treeToValue(merged, type);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(List.of(Problems.fieldError(e)));
    }
  }
}
