package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.leadflow.opportunity.domain.OpportunityLine;

@ApplicationScoped
public class OpportunityLineRepository implements PanacheRepositoryBase<OpportunityLine, UUID> {

  /** The lines of these opportunities, each opportunity's in line order (one query for a page). */
  public Uni<List<OpportunityLine>> ofOpportunities(Collection<UUID> opportunityIds) {
    if (opportunityIds.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return list(
        "opportunityId in ?1",
        Sort.by("opportunityId").and("lineNumber"),
        List.copyOf(opportunityIds));
  }
}
