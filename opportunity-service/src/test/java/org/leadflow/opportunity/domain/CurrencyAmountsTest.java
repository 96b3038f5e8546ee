package org.leadflow.opportunity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurrencyAmountsTest {

  @ParameterizedTest(name = "{0} has {1} decimals")
  @CsvSource({"JPY, 0", "EUR, 2", "GBP, 2", "KWD, 3", "BHD, 3", "CLF, 4"})
  void aCurrencyHasTheDecimalsOfIso4217(String currency, int decimals) {
    assertThat(CurrencyAmounts.decimals(currency)).isEqualTo(decimals);
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({"1250, EUR, 1250.00", "1250.5, EUR, 1250.50", "1800000, JPY, 1800000", "1800000.000, JPY, 1800000", "4.25, KWD, 4.250", "4.125, KWD, 4.125"})
  void anAmountIsKeptWithExactlyItsCurrencysDecimals(String amount, String currency, String exact) {
    assertThat(CurrencyAmounts.parse(amount, currency).toPlainString()).isEqualTo(exact);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"1250.5, JPY", "0.001, EUR", "4.1255, KWD"})
  void anAmountWithMoreDecimalsThanItsCurrencyHasIsRefusedNotRounded(String amount, String currency) {
    assertThatThrownBy(() -> CurrencyAmounts.parse(amount, currency)).hasMessageContaining("more decimals than " + currency);
  }

  @Test
  void unknownCurrenciesNegativeMalformedAndHugeAmountsAreRefused() {
    assertThatThrownBy(() -> CurrencyAmounts.decimals("EURO")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> CurrencyAmounts.decimals("ABC")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> CurrencyAmounts.decimals("eur")).hasMessageContaining("ISO 4217");
    assertThatThrownBy(() -> CurrencyAmounts.decimals("XXX")).hasMessageContaining("not a currency prices are set in");
    assertThatThrownBy(() -> CurrencyAmounts.parse("-1.00", "EUR")).hasMessageContaining("negative");
    assertThatThrownBy(() -> CurrencyAmounts.parse("12,50", "EUR")).hasMessageContaining("decimal number");
    assertThatThrownBy(() -> CurrencyAmounts.parse("1e999999999", "EUR")).hasMessageContaining("decimal number");
    assertThatThrownBy(() -> CurrencyAmounts.parse("1234567890123456", "EUR")).hasMessageContaining("too large");
  }

  @Test
  void aUnitPriceReadsBackWithItsCurrencysDecimals() {
    assertThat(new UnitPrice("KWD", new BigDecimal("4.1")).amountText()).isEqualTo("4.100");
    assertThat(new UnitPrice("JPY", new BigDecimal("1800")).amountText()).isEqualTo("1800");
    ProductPrice stored = new ProductPrice(UUID.randomUUID(), new UnitPrice("JPY", new BigDecimal("1800")));
    assertThat(stored.price().amountText()).isEqualTo("1800");
  }

  @Test
  void aProductHasAtMostOnePricePerCurrencyAndACodeOfItsOwnShape() {
    List<UnitPrice> twiceInEuro = List.of(new UnitPrice("EUR", BigDecimal.ONE), new UnitPrice("EUR", BigDecimal.TEN));
    assertThatThrownBy(() -> new Product.Details("SKU-1", "Engine", null, true, twiceInEuro))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("prices"));
    assertThatThrownBy(() -> new Product.Details("no spaces", "Engine", null, true, List.of()))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("code"));
    assertThatThrownBy(() -> new Product.Details("SKU-1", " ", null, true, List.of()))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("name"));

    Product product = Product.create(UUID.randomUUID(), new Product.Details(" SKU-1 ", " Engine ", "", true, List.of()), Instant.EPOCH);
    assertThat(product.code()).isEqualTo("SKU-1");
    assertThat(product.name()).isEqualTo("Engine");
    assertThat(product.description()).isNull();
  }
}
