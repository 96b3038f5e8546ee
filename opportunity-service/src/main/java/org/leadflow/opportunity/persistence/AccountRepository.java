package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.MatchProbe;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

  /**
   * Accounts that share a match key with {@code probe} (indexed lookups), oldest first; the probe
   * then says which of them match and why.
   */
  public Uni<List<Account>> candidates(MatchProbe probe, int limit) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (probe.companyName() != null) {
      conditions.add("normalizedName = :name");
      parameters.put("name", probe.companyName());
    }
    if (!probe.domains().isEmpty()) {
      conditions.add("websiteDomain in :domains or emailDomain in :domains");
      parameters.put("domains", List.copyOf(probe.domains()));
    }
    if (conditions.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return find(String.join(" or ", conditions), Sort.by("createdAt").and("id"), parameters)
        .page(Page.ofSize(limit))
        .list();
  }
}
