package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Money arithmetic over generated amounts in currencies with 0, 2 and 3 decimals. */
class MoneyPropertiesTest {

  private static final Gen<String> CURRENCIES = arbitrary().pick(List.of("EUR", "JPY", "KWD", "USD"));

  @Test
  void addingIsExactCommutativeAndAssociativeAndSubtractingUndoesIt() {
    qt().withExamples(2000).forAll(CURRENCIES, minorUnits(), minorUnits(), minorUnits()).checkAssert((currency, a, b, c) -> {
      Money x = money(a, currency);
      Money y = money(b, currency);
      Money z = money(c, currency);
      assertThat(x.plus(y)).isEqualTo(y.plus(x));
      assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
      assertThat(x.plus(y).minus(y)).isEqualTo(x);
      assertThat(x.plus(y).amount()).isEqualByComparingTo(x.amount().add(y.amount()));
      assertThat(x.plus(Money.zero(currency))).isEqualTo(x);
    });
  }

  @Test
  void everyAmountHasExactlyItsCurrencysDecimals() {
    qt().withExamples(2000).forAll(CURRENCIES, minorUnits(), integers().between(0, 100_000)).checkAssert((currency, units, quantity) -> {
      Money price = money(units, currency);
      BigDecimal fractional = BigDecimal.valueOf(quantity, 3);
      for (Money amount : List.of(price, price.times(fractional), price.plus(price), price.minus(price))) {
        assertThat(amount.amount().scale()).as(amount.toString()).isEqualTo(Money.decimals(currency));
      }
    });
  }

  @Test
  void aPriceTimesAQuantityIsWithinHalfAMinorUnitOfTheExactProductAndWholeQuantitiesAreExact() {
    qt().withExamples(2000).forAll(CURRENCIES, minorUnits(), integers().between(0, 100_000)).checkAssert((currency, units, thousandths) -> {
      Money price = money(units, currency);
      BigDecimal quantity = BigDecimal.valueOf(thousandths, 3);
      BigDecimal exact = price.amount().multiply(quantity);
      BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(Money.decimals(currency)).divide(BigDecimal.valueOf(2));
      assertThat(price.times(quantity).amount().subtract(exact).abs()).isLessThanOrEqualTo(halfUnit);
      BigDecimal whole = BigDecimal.valueOf(thousandths / 1000);
      assertThat(price.times(whole).amount()).isEqualByComparingTo(price.amount().multiply(whole));
    });
  }

  @Test
  void amountsInDifferentCurrenciesAreNeverAddedOrSubtracted() {
    qt().withExamples(500).forAll(CURRENCIES, CURRENCIES, minorUnits()).assuming((a, b, units) -> !a.equals(b)).checkAssert((a, b, units) -> {
      assertThatThrownBy(() -> money(units, a).plus(money(units, b))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> money(units, a).minus(money(units, b))).isInstanceOf(IllegalArgumentException.class);
    });
  }

  @Test
  void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
    qt().withExamples(500).forAll(CURRENCIES, longs().between(1, 9)).checkAssert((currency, digit) -> {
      BigDecimal tooPrecise = BigDecimal.valueOf(digit).movePointLeft(Money.decimals(currency) + 1);
      assertThatThrownBy(() -> new Money(tooPrecise, currency)).isInstanceOf(IllegalArgumentException.class);
    });
  }

  /** Amounts as whole minor units (cents, yen, fils), positive and negative, up to a billion units. */
  private static Gen<Long> minorUnits() {
    return longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
  }

  private static Money money(long minorUnits, String currency) {
    return new Money(BigDecimal.valueOf(minorUnits, Money.decimals(currency)), currency);
  }
}
