package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.leadflow.opportunity.domain.StageVisit;

@ApplicationScoped
public class StageVisitRepository implements PanacheRepositoryBase<StageVisit, UUID> {

  /** The opportunity's stays in its stages, oldest first. */
  public PanacheQuery<StageVisit> ofOpportunity(UUID opportunityId) {
    return find("opportunityId", Sort.by("enteredAt").and("id"), opportunityId);
  }

  /** The stay in its current stage. */
  public Uni<StageVisit> current(UUID opportunityId) {
    return find("opportunityId = ?1 and leftAt is null", opportunityId).firstResult();
  }
}
