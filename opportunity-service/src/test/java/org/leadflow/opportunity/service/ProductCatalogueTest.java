package org.leadflow.opportunity.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.opportunity.QualifiedLead;
import org.leadflow.opportunity.domain.Product;
import org.leadflow.opportunity.domain.UnitPrice;

/** {@link ProductCatalogue#priceOf}: what a line that chooses a catalogue product is priced at. */
@QuarkusTest
class ProductCatalogueTest {

  @Inject ProductCatalogue catalogue;
  @Inject Vertx vertx;

  /** Runs the service call as a request would: on a safe Vert.x duplicated context. */
  private <T> T call(Supplier<Uni<T>> work) throws Throwable {
    CompletableFuture<T> result = new CompletableFuture<>();
    Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
    VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
    try {
      return result.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private UUID created(boolean active) throws Throwable {
    return call(() -> catalogue.create(engine(active))).product().id();
  }

  private static Product.Details engine(boolean active) {
    return new Product.Details(
        "PRC-" + QualifiedLead.marker(),
        "Engine",
        null,
        active,
        List.of(new UnitPrice("EUR", new BigDecimal("12500")), new UnitPrice("JPY", new BigDecimal("1800000")), new UnitPrice("KWD", new BigDecimal("4.1"))));
  }

  @Test
  void aProductIsPricedInEachOfItsCurrenciesWithThatCurrencysDecimals() throws Throwable {
    UUID engine = created(true);

    assertThat(call(() -> catalogue.priceOf(engine, "KWD"))).isEqualTo(new UnitPrice("KWD", new BigDecimal("4.100")));
    assertThat(call(() -> catalogue.priceOf(engine, "KWD")).amountText()).isEqualTo("4.100");
    assertThat(call(() -> catalogue.priceOf(engine, "JPY")).amountText()).isEqualTo("1800000");
    assertThat(call(() -> catalogue.priceOf(engine, "EUR")).amountText()).isEqualTo("12500.00");
  }

  @Test
  void aProductHasNoPriceInACurrencyItIsNotOfferedIn() throws Throwable {
    UUID engine = created(true);

    assertThatThrownBy(() -> call(() -> catalogue.priceOf(engine, "USD")))
        .isInstanceOf(PriceNotInCatalogueException.class)
        .hasMessageContaining("no price in USD");
  }

  @Test
  void aDeactivatedProductPricesNoNewLine() throws Throwable {
    UUID engine = created(true);
    call(() -> catalogue.deactivate(engine, java.util.Optional.empty()));

    assertThatThrownBy(() -> call(() -> catalogue.priceOf(engine, "EUR")))
        .isInstanceOf(PriceNotInCatalogueException.class)
        .hasMessageContaining("deactivated");
  }

  @Test
  void anUnknownProductIsNotFound() {
    assertThatThrownBy(() -> call(() -> catalogue.priceOf(UUID.randomUUID(), "EUR"))).isInstanceOf(RecordNotFoundException.class);
  }
}
