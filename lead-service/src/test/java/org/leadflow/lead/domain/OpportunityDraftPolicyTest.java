package org.leadflow.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The opportunity drafts opportunity-service would refuse are refused here first, naming the part. */
class OpportunityDraftPolicyTest {

  private static ConversionPlan.Line line(String product, String quantity, String price, String currency) {
    return new ConversionPlan.Line(product, new BigDecimal(quantity), new Money(new BigDecimal(price), currency));
  }

  private static List<String> fields(String name, Money value, ConversionPlan.Line... lines) {
    return OpportunityDraftPolicy.check(name, value, List.of(lines)).stream().map(OpportunityDraftPolicy.Violation::field).toList();
  }

  @Test
  void aDraftOpportunityServiceAcceptsBreaksNoRule() {
    assertThat(fields("Engines: 200 seats", null, line("Seat", "200", "45.00", "EUR"), line("Onboarding", "0.5", "5000", "EUR"))).isEmpty();
    assertThat(fields(null, new Money(new BigDecimal("99999999999999999.99"), "EUR"))).isEmpty();
    assertThat(fields("x".repeat(300), null, line("p".repeat(200), "999999999999999.9999", "0.01", "EUR"))).isEmpty();
  }

  @Test
  void aNameLongerThanTheColumnIsRefusedAfterStripping() {
    assertThat(fields("x".repeat(301), null)).containsExactly("name");
    assertThat(fields("  " + "x".repeat(300) + "  ", null)).isEmpty();
  }

  @Test
  void aLineNeedsAProductNameThatFitsItsColumn() {
    assertThat(fields(null, null, line(" ", "1", "1", "EUR"))).containsExactly("lines[0].productName");
    assertThat(fields(null, null, line("p".repeat(201), "1", "1", "EUR"))).containsExactly("lines[0].productName");
  }

  @Test
  void aQuantityIsPositiveWithAtMostFourDecimalsAndFifteenDigitsBeforeThePoint() {
    assertThat(fields(null, null, line("A", "0", "1", "EUR"))).containsExactly("lines[0].quantity");
    assertThat(fields(null, null, line("A", "-1", "1", "EUR"))).containsExactly("lines[0].quantity");
    assertThat(fields(null, null, line("A", "0.00001", "1", "EUR"))).containsExactly("lines[0].quantity");
    assertThat(fields(null, null, line("A", "1000000000000000", "0", "EUR"))).containsExactly("lines[0].quantity");
  }

  @Test
  void aUnitPriceIsNotNegativeAndFitsTheMoneyColumns() {
    assertThat(fields(null, null, line("A", "1", "-0.01", "EUR"))).containsExactly("lines[0].unitPrice.amount");
    assertThat(fields(null, null, line("A", "1", "0.001", "EUR"))).containsExactly("lines[0].unitPrice.amount");
    assertThat(fields(null, null, line("A", "1", "1", "eur"))).containsExactly("lines[0].unitPrice.currency");
  }

  @Test
  void aLineWhoseAmountOrLinesWhoseSumDoNotFitTheMoneyColumnsAreRefused() {
    assertThat(fields(null, null, line("A", "999999999", "99999999999999999.99", "EUR"))).containsExactly("lines[0]");
    assertThat(fields(null, null, line("A", "1", "99999999999999999.99", "EUR"), line("B", "1", "0.01", "EUR")))
        .containsExactly("lines");
  }

  @Test
  void linesInMoreThanOneCurrencyAreRefused() {
    assertThat(fields(null, null, line("A", "1", "1", "EUR"), line("B", "1", "1", "USD"))).containsExactly("lines");
  }

  @Test
  void aStatedValueMustFitTheMoneyColumns() {
    assertThat(fields(null, new Money(new BigDecimal("100000000000000000"), "EUR"))).containsExactly("estimatedValue.amount");
  }

  @Test
  void theValueOfLinesRoundsEachLineHalfUpToCentsAsOpportunityServiceDoes() {
    Money value = OpportunityDraftPolicy.valueOf(List.of(line("A", "0.5", "0.01", "EUR"), line("B", "0.5", "0.01", "EUR")));
    assertThat(value.decimalAmount()).isEqualTo("0.02");
    assertThat(value.currency()).isEqualTo("EUR");
  }

  @Test
  void moneyHasAtMostTheDecimalsOfItsCurrencyAndOfAConversion() {
    assertThat(fields(null, new Money(new BigDecimal("1800000"), "JPY"), line("A", "1", "1250", "JPY"))).isEmpty();
    assertThat(fields(null, new Money(new BigDecimal("1800000.00"), "JPY"))).isEmpty();
    assertThat(fields(null, new Money(new BigDecimal("100.5"), "JPY"), line("A", "1", "0.5", "JPY")))
        .containsExactly("estimatedValue.amount", "lines[0].unitPrice.amount");
    assertThat(fields(null, new Money(new BigDecimal("4150.25"), "KWD"), line("A", "2", "1.25", "KWD"))).isEmpty();
    // KWD has three decimals, but a conversion carries two.
    assertThat(fields(null, new Money(new BigDecimal("4150.125"), "KWD"), line("A", "1", "1.125", "KWD")))
        .containsExactly("estimatedValue.amount", "lines[0].unitPrice.amount");
  }

  @Test
  void aLineIsPricedInTheDecimalsOfItsCurrencyAsOpportunityServiceDoes() {
    // 1.5 × 333 JPY = 499.5, which JPY rounds half up to 500.
    assertThat(OpportunityDraftPolicy.valueOf(List.of(line("A", "1.5", "333", "JPY"))).amount()).isEqualByComparingTo("500");
    assertThat(OpportunityDraftPolicy.valueOf(List.of(line("A", "1.5", "333", "EUR"))).amount()).isEqualByComparingTo("499.50");
    assertThat(OpportunityDraftPolicy.valueOf(List.of(line("A", "2", "1.25", "KWD"), line("B", "0.5", "0.5", "KWD"))).amount())
        .isEqualByComparingTo("2.75");
    // 0.3333 × 1.00 KWD = 0.333 to the fils: more decimals than a conversion carries, so refused here.
    assertThat(fields(null, null, line("A", "0.3333", "1.00", "KWD"))).containsExactly("lines[0]");
    assertThat(fields(null, null, line("A", "0.3333", "1.00", "EUR"))).isEmpty();
  }
}
