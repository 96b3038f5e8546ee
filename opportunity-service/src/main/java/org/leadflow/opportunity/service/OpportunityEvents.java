package org.leadflow.opportunity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.leadflow.contracts.Money;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.contracts.opportunity.OpportunityLost;
import org.leadflow.contracts.opportunity.OpportunityReopened;
import org.leadflow.contracts.opportunity.OpportunityStageChanged;
import org.leadflow.contracts.opportunity.OpportunityWon;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.OpportunityStatusReason;
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
            createdMoney(opportunity.estimatedValue()),
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

  /** The opportunity moved from one stage to another. */
  public Uni<Void> stageChanged(Opportunity opportunity, OpportunityStage from, OpportunityStage to, String by, Instant at) {
    OpportunityStageChanged data =
        new OpportunityStageChanged(
            opportunity.id(), opportunity.originatingLeadId(), opportunity.ownerId(), from.label(), to.label(), opportunity.probability(), by, at);
    return append(opportunity.id(), OpportunityEventTypes.STAGE_CHANGED, at, data);
  }

  /** The opportunity was closed as won. */
  public Uni<Void> won(Opportunity opportunity, String by, Instant at) {
    OpportunityWon data =
        new OpportunityWon(
            opportunity.id(),
            opportunity.originatingLeadId(),
            opportunity.ownerId(),
            opportunity.state().label(),
            opportunity.statusReason().label(),
            opportunity.statusReason().code(),
            money(opportunity.actualRevenue()),
            opportunity.actualCloseDate(),
            money(opportunity.estimatedValue()),
            opportunity.stage().label(),
            by,
            at);
    return append(opportunity.id(), OpportunityEventTypes.WON, at, data);
  }

  /** The opportunity was closed as lost. */
  public Uni<Void> lost(Opportunity opportunity, String by, Instant at) {
    OpportunityLost data =
        new OpportunityLost(
            opportunity.id(),
            opportunity.originatingLeadId(),
            opportunity.ownerId(),
            opportunity.state().label(),
            opportunity.statusReason().label(),
            opportunity.statusReason().code(),
            opportunity.competitor(),
            opportunity.closeNote(),
            opportunity.actualCloseDate(),
            opportunity.stage().label(),
            by,
            at);
    return append(opportunity.id(), OpportunityEventTypes.LOST, at, data);
  }

  /** A won or lost opportunity is open again; {@code previous} is how it had been closed. */
  public Uni<Void> reopened(Opportunity opportunity, OpportunityStatusReason previous, String by, Instant at) {
    OpportunityReopened data =
        new OpportunityReopened(
            opportunity.id(),
            opportunity.originatingLeadId(),
            opportunity.ownerId(),
            previous.state().label(),
            previous.label(),
            opportunity.state().label(),
            opportunity.statusReason().label(),
            opportunity.statusReason().code(),
            by,
            at);
    return append(opportunity.id(), OpportunityEventTypes.REOPENED, at, data);
  }

  private static Money money(org.leadflow.opportunity.domain.Money money) {
    return money == null ? null : new Money(money.amountText(), money.currency());
  }

  /**
   * Money in opportunity.created, whose released schema allows at most two decimals: a conversion's
   * values have no more (lead-service keeps money to two), so a currency with three or four decimals
   * (KWD) is written with two, exactly.
   */
  private static Money createdMoney(org.leadflow.opportunity.domain.Money money) {
    if (money == null) {
      return null;
    }
    BigDecimal amount = money.amount();
    if (amount.scale() > 2 && amount.stripTrailingZeros().scale() <= 2) {
      amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }
    return new Money(amount.toPlainString(), money.currency());
  }

  private Uni<Void> append(UUID opportunityId, String type, Instant occurredAt, Object data) {
    return outbox
        .append(OpportunityEventTypes.AGGREGATE_TYPE, opportunityId, type, occurredAt, data)
        .replaceWithVoid();
  }
}
