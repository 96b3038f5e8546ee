package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.leadflow.opportunity.domain.Opportunity;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

  /** The opportunity with this id and the one of this lead, if they exist (at most two). */
  public Uni<List<Opportunity>> withIdOrLead(UUID id, UUID originatingLeadId) {
    return list("id = ?1 or originatingLeadId = ?2", id, originatingLeadId);
  }
}
