package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.opportunity.domain.ProductPrice;

@ApplicationScoped
public class ProductPriceRepository implements PanacheRepositoryBase<ProductPrice, ProductPrice.Key> {

  /** The prices of these products, by product and currency. */
  public Uni<List<ProductPrice>> ofProducts(Collection<UUID> productIds) {
    if (productIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return list("productId in :ids", Sort.by("productId").and("currency"), Map.of("ids", List.copyOf(productIds)));
  }

  /** Removes every price of the product (before its new prices are written). */
  public Uni<Long> deleteOf(UUID productId) {
    return delete("productId", productId);
  }
}
