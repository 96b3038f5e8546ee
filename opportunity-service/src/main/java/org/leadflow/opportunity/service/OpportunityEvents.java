package org.leadflow.opportunity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.contracts.Money;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.opportunity.domain.FailedConversion;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.messaging.Outbox;

/**
 * Writes the events of opportunity-events into the outbox, in the caller's transaction, keyed by
 * the opportunity's id (so one opportunity's events keep their order on one partition).
 */
@ApplicationScoped
public class OpportunityEvents {

  @Inject Outbox outbox;

  public Uni<Void> created(Opportunity opportunity, boolean accountCreated, boolean contactCreated) {
    OpportunityCreated data =
        new OpportunityCreated(
            opportunity.id(),
            opportunity.originatingLeadId(),
            opportunity.conversionId(),
            opportunity.name(),
            opportunity.ownerId(),
            opportunity.accountId(),
            accountCreated,
            opportunity.contactId(),
            contactCreated,
            opportunity.estimatedValue() == null
                ? null
                : new Money(opportunity.estimatedValue().amountText(), opportunity.estimatedValue().currency()),
            opportunity.estimatedCloseDate(),
            opportunity.state().label(),
            opportunity.statusReason().label(),
            opportunity.createdAt());
    return append(opportunity.id(), OpportunityEventTypes.CREATED, opportunity.createdAt(), data);
  }

  /**
   * The answer to a conversion that created nothing, as it was first given. Keyed by the opportunity
   * it would have made; by the lead when it was to make none.
   */
  public Uni<Void> conversionFailed(FailedConversion failed) {
    ConversionFailed data =
        new ConversionFailed(
            failed.originatingLeadId(), failed.conversionId(), failed.opportunityId(), failed.reason(), failed.detail(), failed.failedAt());
    UUID key = failed.opportunityId() != null ? failed.opportunityId() : failed.originatingLeadId();
    return append(key, OpportunityEventTypes.CONVERSION_FAILED, failed.failedAt(), data);
  }

  private Uni<Void> append(UUID opportunityId, String type, Instant occurredAt, Object data) {
    return outbox
        .append(OpportunityEventTypes.AGGREGATE_TYPE, opportunityId, type, occurredAt, data)
        .replaceWithVoid();
  }
}
