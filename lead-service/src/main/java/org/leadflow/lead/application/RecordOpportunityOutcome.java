package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.OpportunityOutcome;

/**
 * How the opportunity made from a lead ended, onto the lead: won or lost ({@code leadflow.opportunity.won.v1},
 * {@code .lost.v1}), or open again ({@code .reopened.v1}). Run by the {@code opportunity-events}
 * consumer, in the transaction of its inbox.
 *
 * @see Lead#opportunityOutcome
 */
@ApplicationScoped
public class RecordOpportunityOutcome implements CommandHandler<RecordOpportunityOutcome.Command, Lead> {

  private static final Actor OPPORTUNITY_SERVICE = Actor.system("opportunity-service");

  /** @param outcome how it ended; null when it was reopened */
  public record Command(UUID leadId, UUID opportunityId, OpportunityOutcome outcome) {}

  @Inject LeadChanges changes;

  @Override
  public Uni<Lead> handle(Command command) {
    return changes.change(
        command.leadId(),
        Optional.empty(),
        null,
        lead -> lead.opportunityOutcome(command.opportunityId(), command.outcome(), OPPORTUNITY_SERVICE, changes.now()));
  }
}
