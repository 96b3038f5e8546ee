package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OpportunityTest {

  private static final Instant NOW = Instant.parse("2026-05-04T09:15:00Z");
  private static final Money BUDGET = Money.parse("40000.00", "GBP");

  private static OpportunityLine.Draft line(String quantity, String amount, String currency) {
    return OpportunityLine.Draft.parse(1, "Licence", quantity, amount, currency);
  }

  private static Opportunity.Opened open(List<OpportunityLine.Draft> lines, Money stated, Money budget) {
    return Opportunity.open(
        new Opportunity.Draft(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Engines", "seller", lines, stated, budget, LocalDate.of(2026, 9, 30)),
        UUID.randomUUID(),
        UUID.randomUUID(),
        NOW);
  }

  @Test
  void aNewOpportunityIsOpenInProgress() {
    Opportunity opportunity = open(List.of(), null, null).opportunity();

    assertThat(opportunity.state()).isEqualTo(OpportunityState.OPEN);
    assertThat(opportunity.statusReason()).isEqualTo(OpportunityStatusReason.IN_PROGRESS);
    assertThat(opportunity.statusReason().code()).isEqualTo(1);
    assertThat(opportunity.estimatedValue()).isNull();
  }

  @Test
  void withLinesTheEstimatedValueIsTheSumOfTheirAmounts() {
    Opportunity.Opened opened = open(List.of(line("2", "1250.00", "GBP"), line("0.333", "10.00", "GBP")), Money.parse("1", "GBP"), BUDGET);

    assertThat(opened.lines()).extracting(OpportunityLine::amount).containsExactly(Money.parse("2500.00", "GBP"), Money.parse("3.33", "GBP"));
    assertThat(opened.lines()).extracting(OpportunityLine::lineNumber).containsExactly(1, 2);
    assertThat(opened.opportunity().estimatedValue()).isEqualTo(Money.parse("2503.33", "GBP"));
  }

  @Test
  void withoutLinesTheStatedValueElseTheBudgetIsTheEstimatedValue() {
    assertThat(open(List.of(), Money.parse("9000", "EUR"), BUDGET).opportunity().estimatedValue()).isEqualTo(Money.parse("9000.00", "EUR"));
    assertThat(open(List.of(), null, BUDGET).opportunity().estimatedValue()).isEqualTo(BUDGET);
  }

  @Test
  void linesInMoreThanOneCurrencyAreRefused() {
    assertThatThrownBy(() -> open(List.of(line("1", "10.00", "EUR"), line("1", "10.00", "USD")), null, null))
        .isInstanceOfSatisfying(
            ConversionFailedException.class,
            failure -> {
              assertThat(failure.reason()).isEqualTo(ConversionFailure.MIXED_CURRENCIES);
              assertThat(failure.detail()).contains("EUR", "USD");
            });
  }

  @Test
  void aMalformedLineIsRefusedNamingIt() {
    for (String[] bad :
        new String[][] {{"0", "10.00", "EUR"}, {"-1", "10.00", "EUR"}, {"x", "10.00", "EUR"}, {"1.00001", "10.00", "EUR"},
          {"1", "10.001", "EUR"}, {"1", "-5.00", "EUR"}, {"1", "10.00", "euro"}, {"1", null, "EUR"},
          {"1000000000000000", "10.00", "EUR"}, {"100000000000000", "99999999999999999", "EUR"}}) {
      assertThatThrownBy(() -> OpportunityLine.Draft.parse(3, "Licence", bad[0], bad[1], bad[2]))
          .as(String.join(" ", String.valueOf(bad[0]), String.valueOf(bad[1]), bad[2]))
          .isInstanceOfSatisfying(
              ConversionFailedException.class,
              failure -> {
                assertThat(failure.reason()).isEqualTo(ConversionFailure.INVALID_OPPORTUNITY);
                assertThat(failure.detail()).startsWith("Line 3: ");
              });
    }
  }

  @Test
  void anOpportunityIsNamedAfterTheCompanyElseThePerson() {
    assertThat(Opportunity.defaultName(" Engines Ltd ", "Ada", "Lovelace")).isEqualTo("Engines Ltd");
    assertThat(Opportunity.defaultName(null, "Ada", "Lovelace")).isEqualTo("Ada Lovelace");
    assertThat(Opportunity.defaultName("", null, "Lovelace")).isEqualTo("Lovelace");
  }

  @Test
  void moneyKeepsTwoDecimals() {
    assertThat(Money.parse("1250", "EUR").amountText()).isEqualTo("1250.00");
    assertThat(Money.parse("10.00", "EUR").times(new BigDecimal("0.005")).amountText()).isEqualTo("0.05");
    assertThatThrownBy(() -> Money.parse("1.234", "EUR")).isInstanceOf(IllegalArgumentException.class);
  }
}
