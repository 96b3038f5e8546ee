package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The opportunity's pipeline rules in plain Java: money by ISO 4217, line arithmetic, closing. */
class OpportunityPipelineRulesTest {

  private static final Instant NOW = Instant.parse("2026-05-04T09:15:00Z");

  private static Opportunity open() {
    Opportunity opportunity =
        Opportunity.open(
                new Opportunity.Draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Engines", "seller", List.of(), null, null, null),
                null,
                null,
                NOW)
            .opportunity();
    opportunity.startWithProbability(10);
    return opportunity;
  }

  private static OpportunityLine.Values line(String quantity, String price, String discount, String tax, String currency) {
    return new OpportunityLine.Values(
        null,
        "Licence",
        null,
        new BigDecimal(quantity),
        Money.parse(price, currency),
        discount == null ? null : Money.parse(discount, currency),
        tax == null ? null : Money.parse(tax, currency));
  }

  @ParameterizedTest(name = "{0} has {1} decimals")
  @CsvSource({"EUR, 2", "JPY, 0", "KWD, 3", "CLF, 4", "ZZZ, 2"})
  void moneyKeepsTheDecimalsOfItsCurrency(String currency, int decimals) {
    assertThat(Money.decimals(currency)).isEqualTo(decimals);
    assertThat(Money.parse("7", currency).amount().scale()).isEqualTo(decimals);
  }

  @Test
  void moneyRefusesMoreDecimalsThanItsCurrencyHas() {
    assertThatThrownBy(() -> Money.parse("100.5", "JPY")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 decimals JPY");
    assertThatThrownBy(() -> Money.parse("1.2345", "KWD")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Money.parse("1.234", "KWD").amountText()).isEqualTo("1.234");
  }

  @Test
  void aLinesExtendedAmountIsRoundedToItsCurrencysDecimalsAndValuesTheOpportunity() {
    Opportunity opportunity = open();

    Opportunity.LineChange added = opportunity.addLine(line("1.5", "333", "9", "20", "JPY"), List.of(), NOW);

    assertThat(added.line().amount().amountText()).isEqualTo("511");
    assertThat(opportunity.estimatedValue()).isEqualTo(added.line().amount());
  }

  @Test
  void aDiscountLargerThanQuantityTimesPriceIsRefused() {
    assertThatThrownBy(() -> open().addLine(line("1", "10.00", "10.01", null, "EUR"), List.of(), NOW))
        .isInstanceOf(InvalidValuesException.class)
        .satisfies(e -> assertThat(((InvalidValuesException) e).violations()).extracting(InvalidValuesException.Violation::field).containsExactly("discount"));
  }

  @Test
  void aLineInAnotherCurrencyThanTheOtherLinesIsRefused() {
    Opportunity opportunity = open();
    List<OpportunityLine> lines = new ArrayList<>();
    lines.add(opportunity.addLine(line("1", "10.00", null, null, "EUR"), lines, NOW).line());

    assertThatThrownBy(() -> opportunity.addLine(line("1", "10.00", null, null, "USD"), lines, NOW))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
  }

  @Test
  void aUserProvidedValueStaysWhenLinesChangeUntilTheSellerGoesBackToTheLines() {
    Opportunity opportunity = open();
    List<OpportunityLine> lines = new ArrayList<>();
    Opportunity.Edit edit = opportunity.editable();
    opportunity.edit(
        new Opportunity.Edit(
            edit.name(), null, null, 10, EstimatedValueSource.USER, Money.parse("5000.00", "EUR"), null, null, null, edit.ownerId()),
        lines,
        NOW);
    lines.add(opportunity.addLine(line("1", "10.00", null, null, "EUR"), lines, NOW).line());
    assertThat(opportunity.estimatedValue()).isEqualTo(Money.parse("5000", "EUR"));

    List<ChangedField> changes =
        opportunity.edit(
            new Opportunity.Edit(edit.name(), null, null, 10, EstimatedValueSource.LINES, null, null, null, null, edit.ownerId()), lines, NOW);

    assertThat(opportunity.estimatedValue()).isEqualTo(Money.parse("10.00", "EUR"));
    assertThat(changes).extracting(ChangedField::field).containsExactly("estimatedValueSource", "estimatedValue");
  }

  @Test
  void aWonOpportunityCanOnlyBeReopened() {
    Opportunity opportunity = open();
    opportunity.win(null, LocalDate.of(2026, 9, 1), null, List.of(), NOW);

    assertThat(opportunity.statusReason()).isEqualTo(OpportunityStatusReason.WON);
    assertThatThrownBy(() -> opportunity.lose(OpportunityStatusReason.CANCELED, null, null, null, NOW))
        .isInstanceOf(OpportunityActionNotAllowedException.class);
    assertThatThrownBy(() -> opportunity.addLine(line("1", "1.00", null, null, "EUR"), List.of(), NOW))
        .isInstanceOf(OpportunityActionNotAllowedException.class);
    opportunity.reopen(NOW);
    assertThat(opportunity.statusReason()).isEqualTo(OpportunityStatusReason.IN_PROGRESS);
    assertThat(opportunity.actualCloseDate()).isNull();
  }
}
