package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.leadflow.opportunity.domain.Opportunity;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

  /**
   * Every conversion reads this. Native SQL: the query-plan cache is off (docs/benchmarks.md), so an
   * HQL query would be parsed and translated again on each conversion (11 % of the service's
   * samples while converting at 100/s).
   */
  private static final String WITH_ID_OR_LEAD = "SELECT * FROM opportunity WHERE id = :id OR originating_lead_id = :lead";

  /** The opportunity with this id and the one of this lead, if they exist (at most two). */
  public Uni<List<Opportunity>> withIdOrLead(UUID id, UUID originatingLeadId) {
    return getSession()
        .chain(session -> session.createNativeQuery(WITH_ID_OR_LEAD, Opportunity.class)
            .setParameter("id", id)
            .setParameter("lead", originatingLeadId)
            .getResultList());
  }
}
