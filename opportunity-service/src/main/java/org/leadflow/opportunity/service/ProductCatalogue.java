package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.leadflow.opportunity.domain.Product;
import org.leadflow.opportunity.domain.ProductPrice;
import org.leadflow.opportunity.domain.UnitPrice;
import org.leadflow.opportunity.persistence.ProductPriceRepository;
import org.leadflow.opportunity.persistence.ProductRepository;

/**
 * The product catalogue: an admin creates, edits and deactivates products; everyone reads them; and
 * opportunity lines look up a product's price per unit in their currency ({@link #priceOf}).
 */
@ApplicationScoped
public class ProductCatalogue {

  private static final String KIND = "product";
  private static final String CODE_KEY = "product_code_key";

  @Inject ProductRepository products;
  @Inject ProductPriceRepository prices;
  @Inject Clock clock;

  /** A product with its prices, by currency code. */
  public record CatalogueProduct(Product product, List<UnitPrice> prices) {

    /** The price in {@code currency}, if the product has one. */
    public Optional<UnitPrice> priceIn(String currency) {
      return prices.stream().filter(price -> price.currency().equals(currency)).findFirst();
    }
  }

  /** @throws ProductCodeTakenException when another product has the code */
  @WithTransaction
  public Uni<CatalogueProduct> create(Product.Details details) {
    Product product = Product.create(UUID.randomUUID(), details, clock.instant());
    return refuseTakenCode(details.code(), product.id())
        .chain(() -> products.persist(product))
        .chain(() -> replacePrices(product.id(), List.of(), details.prices()))
        .chain(() -> products.flush())
        .onFailure()
        .transform(failure -> codeTakenOr(failure, details.code()))
        .map(flushed -> new CatalogueProduct(product, sorted(details.prices())));
  }

  /**
   * Applies what {@code edit} makes of the product as it is, if it is still at {@code expectedVersion}.
   *
   * @throws StaleRecordException when it is not, or another change commits first
   */
  @WithTransaction
  public Uni<CatalogueProduct> edit(UUID id, long expectedVersion, Function<CatalogueProduct, Product.Details> edit) {
    return load(id)
        .chain(
            current -> {
              checkVersion(current.product(), expectedVersion);
              Product.Details details = edit.apply(current);
              Product product = current.product();
              return refuseTakenCode(details.code(), id)
                  .invoke(() -> product.apply(details, clock.instant()))
                  .chain(() -> replacePrices(id, current.prices(), details.prices()))
                  .chain(() -> products.flush())
                  .onFailure()
                  .transform(failure -> codeTakenOr(failure, details.code()))
                  .map(flushed -> new CatalogueProduct(product, sorted(details.prices())));
            })
        .onFailure()
        .transform(failure -> StaleRecordException.ifRaced(failure, KIND, expectedVersion));
  }

  /**
   * Takes the product out of what new lines may choose; lines that name it keep it. Deactivating an
   * inactive product changes nothing.
   */
  @WithTransaction
  public Uni<CatalogueProduct> deactivate(UUID id, Optional<Long> expectedVersion) {
    return load(id)
        .chain(
            current -> {
              expectedVersion.ifPresent(expected -> checkVersion(current.product(), expected));
              if (!current.product().active()) {
                return Uni.createFrom().item(current);
              }
              current.product().deactivate(clock.instant());
              return products.flush().replaceWith(current);
            })
        .onFailure()
        .transform(failure -> StaleRecordException.ifRaced(failure, KIND, expectedVersion.orElse(-1L)));
  }

  @WithSession
  public Uni<CatalogueProduct> get(UUID id) {
    return load(id);
  }

  /** One page of the catalogue; {@code query} filters products (e.g. {@code active}, text). */
  @WithSession
  public Uni<Page<CatalogueProduct>> list(ListQuery query) {
    var found = products.find(query.where(), query.sort(), query.parameters());
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(
            page ->
                found
                    .count()
                    .chain(
                        total ->
                            prices
                                .ofProducts(page.stream().map(Product::id).toList())
                                .map(
                                    all -> {
                                      Map<UUID, List<UnitPrice>> byProduct =
                                          all.stream()
                                              .collect(
                                                  Collectors.groupingBy(
                                                      ProductPrice::productId,
                                                      Collectors.mapping(ProductPrice::price, Collectors.toList())));
                                      List<CatalogueProduct> items =
                                          page.stream()
                                              .map(product -> new CatalogueProduct(product, byProduct.getOrDefault(product.id(), List.of())))
                                              .toList();
                                      return new Page<>(items, query.page(), query.size(), total);
                                    })));
  }

  /**
   * The catalogue's price per unit of the product in {@code currency}, exact to the currency's
   * decimals, for a line that chooses the product. Runs in the caller's session when there is one.
   *
   * @throws RecordNotFoundException when the catalogue has no such product
   * @throws PriceNotInCatalogueException when the product is deactivated or has no price in the
   *     currency
   */
  @WithSession
  public Uni<UnitPrice> priceOf(UUID productId, String currency) {
    return load(productId).map(found -> offeredIn(active(found), currency));
  }

  /**
   * The catalogue's name and price per unit of a product a new line chooses, in the opportunity's
   * {@code currency}; while the opportunity has none (null), in the product's only currency. Runs in
   * the caller's session when there is one.
   *
   * @throws PriceNotInCatalogueException when the catalogue has no such product, no longer offers
   *     it, offers it in no such currency, or in several while the opportunity has none
   */
  @WithSession
  public Uni<CatalogueProduct> offered(UUID productId) {
    return load(productId)
        .onFailure(RecordNotFoundException.class)
        .transform(missing -> PriceNotInCatalogueException.unknown(productId))
        .map(ProductCatalogue::active);
  }

  /** The product's price in {@code currency}, or in its only currency when {@code currency} is null. */
  static UnitPrice offeredIn(CatalogueProduct product, String currency) {
    UUID id = product.product().id();
    if (currency == null) {
      if (product.prices().size() == 1) {
        return product.prices().get(0);
      }
      throw PriceNotInCatalogueException.noCurrencyYet(id, product.prices().stream().map(UnitPrice::currency).sorted().toList());
    }
    return product.priceIn(currency).orElseThrow(() -> PriceNotInCatalogueException.noPrice(id, currency));
  }

  private static CatalogueProduct active(CatalogueProduct found) {
    if (!found.product().active()) {
      throw PriceNotInCatalogueException.inactive(found.product().id());
    }
    return found;
  }

  private Uni<CatalogueProduct> load(UUID id) {
    return products
        .findById(id)
        .onItem()
        .ifNull()
        .failWith(() -> RecordNotFoundException.product(id))
        .chain(
            product ->
                prices.ofProducts(List.of(id)).map(found -> new CatalogueProduct(product, found.stream().map(ProductPrice::price).toList())));
  }

  private static void checkVersion(Product product, long expected) {
    if (product.version() != expected) {
      throw new StaleRecordException(KIND, expected, product.version());
    }
  }

  /** Codes are unique ignoring case; the unique index backs this up against a concurrent create. */
  private Uni<Void> refuseTakenCode(String code, UUID self) {
    return products
        .count("lower(code) = lower(?1) and id <> ?2", code, self)
        .invoke(
            taken -> {
              if (taken > 0) {
                throw new ProductCodeTakenException(code);
              }
            })
        .replaceWithVoid();
  }

  /** The product's prices become {@code wanted}: changed in place, added or removed by currency. */
  private Uni<Void> replacePrices(UUID productId, List<UnitPrice> current, List<UnitPrice> wanted) {
    Map<String, UnitPrice> wantedByCurrency = new HashMap<>();
    wanted.forEach(price -> wantedByCurrency.put(price.currency(), price));
    return prices
        .ofProducts(current.isEmpty() ? List.of() : List.of(productId))
        .chain(
            existing -> {
              List<Supplier<Uni<?>>> steps = new ArrayList<>();
              Map<String, ProductPrice> existingByCurrency = new HashMap<>();
              for (ProductPrice price : existing) {
                existingByCurrency.put(price.currency(), price);
                UnitPrice replacement = wantedByCurrency.get(price.currency());
                if (replacement == null) {
                  steps.add(() -> prices.delete(price));
                } else {
                  price.reprice(replacement);
                }
              }
              for (UnitPrice price : wanted) {
                if (!existingByCurrency.containsKey(price.currency())) {
                  steps.add(() -> prices.persist(new ProductPrice(productId, price)));
                }
              }
              Uni<Void> done = Uni.createFrom().voidItem();
              for (Supplier<Uni<?>> step : steps) {
                done = done.chain(step).replaceWithVoid();
              }
              return done;
            });
  }

  private static List<UnitPrice> sorted(List<UnitPrice> prices) {
    return prices.stream().sorted(java.util.Comparator.comparing(UnitPrice::currency)).toList();
  }

  private static Throwable codeTakenOr(Throwable failure, String code) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains(CODE_KEY)) {
        return new ProductCodeTakenException(code);
      }
    }
    return failure;
  }
}
