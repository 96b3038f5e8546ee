package org.leadflow.opportunity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.opportunity.Api.OPPORTUNITIES;
import static org.leadflow.opportunity.Api.invalidFields;
import static org.leadflow.opportunity.Api.problem;
import static org.leadflow.opportunity.Api.succeeded;
import static org.leadflow.opportunity.Pipeline.MERGE_PATCH;
import static org.leadflow.opportunity.Pipeline.addLine;
import static org.leadflow.opportunity.Pipeline.asManager;
import static org.leadflow.opportunity.Pipeline.etag;
import static org.leadflow.opportunity.Pipeline.line;
import static org.leadflow.opportunity.Pipeline.money;
import static org.leadflow.opportunity.Pipeline.patch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.opportunity.Pipeline;
import org.leadflow.opportunity.QualifiedLead;

/**
 * Write-in lines: extended amount = (quantity × unitPrice − discount) + tax, exact and in the
 * decimals of the currency (JPY 0, EUR 2, KWD 3); all in the opportunity's currency; the estimated
 * value follows the lines unless the seller set it.
 */
@QuarkusTest
class OpportunityLinesTest {

  private static final String OWNER = "seller-lines-" + QualifiedLead.marker();
  private static Pipeline pipeline;

  @BeforeAll
  static void connect() {
    pipeline = new Pipeline();
  }

  @AfterAll
  static void disconnect() {
    pipeline.close();
  }

  /** An opportunity without lines or value: it follows the lines it gets. */
  private static UUID newOpportunity() {
    QualifiedLead lead = new QualifiedLead();
    lead.ownerId = OWNER;
    lead.budget = null;
    return pipeline.converted(lead).opportunityId;
  }

  private static Map<String, Object> line(String quantity, String price, String discount, String tax, String currency) {
    Map<String, Object> line = new HashMap<>(Pipeline.line("Engine", quantity, price, currency));
    if (discount != null) {
      line.put("discount", money(discount, currency));
    }
    if (tax != null) {
      line.put("tax", money(tax, currency));
    }
    return line;
  }

  private static ExtractableResponse<Response> patchLine(UUID id, String lineId, Object patch) {
    return asManager()
        .header("If-Match", etag(id))
        .contentType(MERGE_PATCH)
        .body(patch)
        .patch(OPPORTUNITIES + "/{id}/lines/{lineId}", id, lineId)
        .then()
        .extract();
  }

  @ParameterizedTest(name = "{0} × {1} {4} − {2} + {3} = {5}")
  @CsvSource({
    "3, 1250.00, 250.00, 700.00, EUR, 4200.00",
    "2.5, 19.99, , , EUR, 49.98",
    "3, 333, 9, 20, JPY, 1010",
    "1.5, 333, , , JPY, 500",
    "2, 1.255, 0.010, 0.125, KWD, 2.625",
    "0.3333, 1.000, , , KWD, 0.333"
  })
  void theExtendedAmountIsQuantityTimesPriceLessDiscountPlusTaxInTheCurrencysDecimals(
      String quantity, String price, String discount, String tax, String currency, String extended) {
    UUID id = newOpportunity();

    ExtractableResponse<Response> added = addLine(id, line(quantity, price, discount, tax, currency));

    assertThat(added.statusCode()).as(added.body().asString()).isEqualTo(201);
    assertThat(added.<String>path("lines[0].amount.amount")).isEqualTo(extended);
    assertThat(added.<String>path("lines[0].amount.currency")).isEqualTo(currency);
    assertThat(added.<String>path("estimatedValue.amount")).isEqualTo(extended);
    assertThat(added.<String>path("estimatedValueSource")).isEqualTo("lines");
    ExtractableResponse<Response> read = succeeded(asManager().get(added.header("Location")).then().extract());
    assertThat(read.<String>path("amount.amount")).isEqualTo(extended);
    assertThat(read.<String>path("unitPrice.amount")).isEqualTo(price);
    assertThat(read.<String>path("discount.amount")).isEqualTo(discount == null ? zero(currency) : discount);
  }

  /** Zero with the currency's decimals. */
  private static String zero(String currency) {
    return switch (currency) {
      case "JPY" -> "0";
      case "KWD" -> "0.000";
      default -> "0.00";
    };
  }

  @Test
  void theEstimatedValueIsTheSumOfTheLinesAsTheyChange() {
    UUID id = newOpportunity();
    succeeded(addLine(id, line("2", "1000.00", "100.00", "190.00", "EUR")));
    ExtractableResponse<Response> two = succeeded(addLine(id, line("1", "500.00", null, "95.00", "EUR")));
    assertThat(two.<String>path("estimatedValue.amount")).isEqualTo("2685.00");
    assertThat(two.<List<Integer>>path("lines.lineNumber")).containsExactly(1, 2);
    String first = two.path("lines[0].id");

    Map<String, Object> change = new HashMap<>();
    change.put("quantity", "3");
    change.put("discount", null);
    ExtractableResponse<Response> changed = succeeded(patchLine(id, first, change));
    assertThat(changed.<String>path("lines[0].amount.amount")).isEqualTo("3190.00");
    assertThat(changed.<String>path("lines[0].discount.amount")).isEqualTo("0.00");
    assertThat(changed.<String>path("estimatedValue.amount")).isEqualTo("3785.00");

    ExtractableResponse<Response> removed =
        succeeded(asManager().delete(OPPORTUNITIES + "/{id}/lines/{lineId}", id, first).then().extract());
    assertThat(removed.<List<Integer>>path("lines.lineNumber")).containsExactly(2);
    assertThat(removed.<String>path("estimatedValue.amount")).isEqualTo("595.00");
    problem(asManager().get(OPPORTUNITIES + "/{id}/lines/{lineId}", id, first).then().extract(), 404);

    ExtractableResponse<Response> history = succeeded(asManager().get(OPPORTUNITIES + "/{id}/history", id).then().extract());
    assertThat(history.<List<String>>path("items.action")).containsExactly("line-removed", "line-changed", "line-added", "line-added");
    assertThat(history.<List<String>>path("items[0].changes.field")).containsExactly("lines[1]", "estimatedValue");
    assertThat(history.<String>path("items[0].changes[0].oldValue.extendedAmount.amount")).isEqualTo("3190.00");
  }

  @Test
  void aUserProvidedValueIsKeptWhileLinesChange() {
    UUID id = newOpportunity();
    succeeded(addLine(id, line("1", "100.00", null, null, "EUR")));
    succeeded(patch(id, Map.of("estimatedValue", money("999.00", "EUR"))));

    ExtractableResponse<Response> added = succeeded(addLine(id, line("1", "50.00", null, null, "EUR")));

    assertThat(added.<String>path("estimatedValue.amount")).isEqualTo("999.00");
    assertThat(succeeded(patch(id, Map.of("estimatedValueSource", "lines"))).<String>path("estimatedValue.amount")).isEqualTo("150.00");
  }

  @Test
  void aLineInAnotherCurrencyThanTheOpportunitysIsRefused() {
    UUID id = newOpportunity();
    succeeded(addLine(id, line("1", "100", null, null, "JPY")));
    String before = etag(id);

    ExtractableResponse<Response> refused = problem(addLine(id, line("1", "1.00", null, null, "EUR")), 422);

    assertThat(refused.<String>path("type")).endsWith("/currency-mismatch");
    assertThat(refused.<List<String>>path("errors.field")).containsExactly("unitPrice");
    assertThat(etag(id)).isEqualTo(before);
    UUID valued = pipeline.opportunity(OWNER).opportunityId; // its value is the lead's budget, in GBP
    problem(addLine(valued, line("1", "1.00", null, null, "EUR")), 422);
    succeeded(addLine(valued, line("1", "1.00", null, null, "GBP")));
  }

  @Test
  void invalidLinesAreRefusedNamingEachMember() {
    UUID id = newOpportunity();

    assertThat(invalidFields(addLine(id, line("0", "1.00", null, null, "EUR")))).containsExactly("quantity");
    assertThat(invalidFields(addLine(id, line("1.00001", "1.00", null, null, "EUR")))).containsExactly("quantity");
    assertThat(invalidFields(addLine(id, line("many", "1.00", null, null, "EUR")))).containsExactly("quantity");
    assertThat(invalidFields(addLine(id, line("1", "-1.00", null, null, "EUR")))).containsExactly("unitPrice");
    assertThat(invalidFields(addLine(id, line("1", "100.5", null, null, "JPY")))).containsExactly("unitPrice.amount");
    assertThat(invalidFields(addLine(id, line("1", "1.00", "1.01", null, "EUR")))).containsExactly("discount");
    assertThat(invalidFields(addLine(id, line("1", "1.00", null, "-0.01", "EUR")))).containsExactly("tax");
    assertThat(invalidFields(addLine(id, line("1", "1.00", null, null, "XYZ")))).containsExactly("unitPrice.currency");
    assertThat(invalidFields(addLine(id, Map.of("quantity", "1")))).containsExactlyInAnyOrder("productName", "unitPrice");
    Map<String, Object> tooLong = line("1", "1.00", null, null, "EUR");
    tooLong.put("productName", "x".repeat(201));
    assertThat(invalidFields(addLine(id, tooLong))).containsExactly("productName");
    Map<String, Object> mixed = line("1", "1.00", null, null, "EUR");
    mixed.put("tax", money("1.00", "USD"));
    assertThat(invalidFields(addLine(id, mixed))).containsExactly("tax");
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}", id).then().extract()).<List<?>>path("lines")).isEmpty();
  }

  @Test
  void aLineOfAnotherOpportunityIsNotFound() {
    UUID id = newOpportunity();
    String line = succeeded(addLine(id, line("1", "1.00", null, null, "EUR"))).path("lines[0].id");
    UUID other = newOpportunity();

    problem(asManager().get(OPPORTUNITIES + "/{id}/lines/{lineId}", other, line).then().extract(), 404);
    problem(asManager().delete(OPPORTUNITIES + "/{id}/lines/{lineId}", other, line).then().extract(), 404);
    problem(patchLine(other, line, Map.of("quantity", "2")), 404);
  }

  @Test
  void aRepeatedAddWithTheSameIdempotencyKeyAddsOneLine() {
    UUID id = newOpportunity();
    String key = "line-" + UUID.randomUUID();
    Map<String, Object> line = line("2", "10.00", null, null, "EUR");

    ExtractableResponse<Response> first = addLine(asManager().header("Idempotency-Key", key), id, line);
    ExtractableResponse<Response> repeat = addLine(asManager().header("Idempotency-Key", key), id, line);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(repeat.statusCode()).isEqualTo(201);
    assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    assertThat(succeeded(asManager().get(OPPORTUNITIES + "/{id}", id).then().extract()).<List<?>>path("lines")).hasSize(1);
  }

  @Test
  void changingALineNeedsIfMatch() {
    UUID id = newOpportunity();
    String line = succeeded(addLine(id, line("1", "1.00", null, null, "EUR"))).path("lines[0].id");

    problem(asManager().contentType(MERGE_PATCH).body(Map.of("quantity", "2")).patch(OPPORTUNITIES + "/{id}/lines/{lineId}", id, line).then().extract(), 428);
    problem(asManager().header("If-Match", "\"0\"").contentType(MERGE_PATCH).body(Map.of("quantity", "2"))
        .patch(OPPORTUNITIES + "/{id}/lines/{lineId}", id, line).then().extract(), 412);
  }
}
