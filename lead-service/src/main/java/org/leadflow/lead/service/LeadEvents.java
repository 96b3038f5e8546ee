package org.leadflow.lead.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.contracts.lead.FieldChange;
import org.leadflow.contracts.lead.LeadActivityLogged;
import org.leadflow.contracts.lead.LeadCreated;
import org.leadflow.contracts.lead.LeadDisqualified;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadMerged;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadReactivated;
import org.leadflow.contracts.lead.LeadUpdated;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.Contactability;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.Qualification;
import org.leadflow.lead.domain.StatusChanges;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.CannotContactPolicy.GuardOverride;
import org.leadflow.lead.domain.policy.QualificationCheck;
import org.leadflow.messaging.Outbox;
import org.leadflow.messaging.OutboxEvent;

/** Turns what happened to a lead into the events of the {@code lead-events} contract, in the outbox. */
@ApplicationScoped
public class LeadEvents {

  @Inject Outbox outbox;

  /**
   * Appends the published form of {@code event}, if it has one; {@code lead} is the lead after the
   * change.
   */
  public Uni<Void> publish(Lead lead, LeadEvent event) {
    return event.accept(new Publication(lead, LeadEvents.this::appendNow)).replaceWithVoid();
  }

  /**
   * Adds the published form of {@code event}, if it has one, to {@code drafts}, for many events to be
   * appended to the outbox at once ({@link Outbox#appendAll}); {@code lead} is the lead after the change.
   */
  public void draft(Lead lead, LeadEvent event, List<Outbox.Draft> drafts) {
    event.accept(new Publication(lead, (of, type, happened, data) -> {
      drafts.add(new Outbox.Draft(LeadEventTypes.AGGREGATE_TYPE, of.id(), type, happened.at(), data));
      return Uni.createFrom().nullItem();
    }));
  }

  /** Where a publication goes: into the outbox at once, or into a list of drafts. */
  @FunctionalInterface
  private interface Sink {
    Uni<OutboxEvent> append(Lead lead, String type, LeadEvent event, Object data);
  }

  /**
   * The contract event (if any) of each kind of lead event, handed to a sink. Each kind hands its
   * event over when visited (never later in a chain), so that drafting needs no subscription.
   */
  private final class Publication implements LeadEvent.Visitor<Uni<OutboxEvent>> {

    private final Lead lead;
    private final Sink sink;

    Publication(Lead lead, Sink sink) {
      this.lead = lead;
      this.sink = sink;
    }

    private Uni<OutboxEvent> append(Lead lead, String type, LeadEvent event, Object data) {
      return sink.append(lead, type, event, data);
    }

    @Override
    public Uni<OutboxEvent> captured(LeadEvent.Captured captured) {
      return append(lead, LeadEventTypes.CREATED, captured, created(lead, captured));
    }

    @Override
    public Uni<OutboxEvent> updated(LeadEvent.Updated updated) {
      return append(lead, LeadEventTypes.UPDATED, updated, LeadEvents.updated(lead, contract(updated.changes()), updated));
    }

    @Override
    public Uni<OutboxEvent> statusChanged(LeadEvent.StatusChanged change) {
      return switch (change.action()) {
        case DISQUALIFY -> append(lead, LeadEventTypes.DISQUALIFIED, change, disqualified(change));
        case REACTIVATE -> append(lead, LeadEventTypes.REACTIVATED, change, reactivated(change));
        case MARK_CONTACTED, LOG_ACTIVITY ->
            append(lead, LeadEventTypes.UPDATED, change, LeadEvents.updated(lead, contract(StatusChanges.of(change)), change));
        // Qualifying is published once, as leadflow.lead.qualified.v1 with the conversion it requests.
        case QUALIFY -> Uni.createFrom().nullItem();
        case UPDATE -> throw new IllegalArgumentException("An update is not a status change");
        // A merge is published as leadflow.lead.merged.v1, from its Merged event.
        case MERGE_IN, MERGE_AWAY -> Uni.createFrom().nullItem();
      };
    }

    @Override
    public Uni<OutboxEvent> activityLogged(LeadEvent.ActivityLogged logged) {
      return append(lead, LeadEventTypes.ACTIVITY_LOGGED, logged, LeadEvents.activityLogged(logged));
    }

    @Override
    public Uni<OutboxEvent> conversionRequested(LeadEvent.ConversionRequested requested) {
      return append(
          lead, LeadEventTypes.QUALIFIED, requested, qualified(lead, requested.plan(), requested.at(), requested.actor().id()));
    }

    @Override
    public Uni<OutboxEvent> conversionRepublished(LeadEvent.ConversionRepublished republished) {
      // The same data as the first time; only the event (its id and time) is new.
      String requestedBy = republished.requestedBy() != null ? republished.requestedBy() : republished.actor().id();
      return append(
          lead, LeadEventTypes.QUALIFIED, republished, qualified(lead, republished.plan(), republished.requestedAt(), requestedBy));
    }

    @Override
    public Uni<OutboxEvent> conversionResolved(LeadEvent.ConversionResolved resolved) {
      // Learnt from opportunity-events; nothing new to tell the world.
      return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<OutboxEvent> contactabilityChanged(LeadEvent.ContactabilityChanged changed) {
      Contactability before = changed.before();
      Contactability after = changed.after();
      List<FieldChange> changes =
          List.of(
              new FieldChange("contactability.flagged", before != null, after != null),
              new FieldChange("contactability.attempts", before == null ? null : before.attempts(), after == null ? null : after.attempts()),
              new FieldChange("contactability.since", before == null ? null : before.since().toString(), after == null ? null : after.since().toString()));
      return append(lead, LeadEventTypes.UPDATED, changed, LeadEvents.updated(lead, changes, changed));
    }

    @Override
    public Uni<OutboxEvent> merged(LeadEvent.Merged merged) {
      return append(lead, LeadEventTypes.MERGED, merged, LeadEvents.merged(lead, merged));
    }

    @Override
    public Uni<OutboxEvent> opportunityOutcomeChanged(LeadEvent.OpportunityOutcomeChanged changed) {
      // Learnt from opportunity-events (won, lost, reopened), which already told the world.
      return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<OutboxEvent> agentActed(LeadEvent.AgentActed acted) {
      // The agent's reasons are history; what it changed (a disqualification, a qualify) is published
      // by that change's own event, and its ready-to-qualify mark is no change of the lead.
      return Uni.createFrom().nullItem();
    }
  }

  private Uni<OutboxEvent> appendNow(Lead lead, String type, LeadEvent event, Object data) {
    return outbox.append(LeadEventTypes.AGGREGATE_TYPE, lead.id(), type, event.at(), data);
  }

  private static LeadCreated created(Lead lead, LeadEvent.Captured captured) {
    LeadDetails details = lead.details();
    return new LeadCreated(
        lead.id(),
        details.firstName(),
        details.lastName(),
        details.companyName(),
        details.jobTitle(),
        details.email(),
        details.phone(),
        details.source() == null ? null : details.source().label(),
        details.country(),
        lead.ownerId(),
        lead.state().label(),
        lead.statusReason().label(),
        lead.statusReason().code(),
        lead.createdAt(),
        captured.actor().id());
  }

  private static LeadQualified qualified(Lead lead, ConversionPlan plan, Instant requestedAt, String requestedBy) {
    LeadDetails details = lead.details();
    Qualification qualification = lead.qualification();
    ConversionPlan.OpportunityDraft draft = plan.opportunity();
    return new LeadQualified(
        lead.id(),
        plan.conversionId(),
        requestedAt,
        requestedBy,
        lead.ownerId(),
        new LeadQualified.LeadSnapshot(
            details.firstName(),
            details.lastName(),
            details.companyName(),
            details.jobTitle(),
            details.email(),
            details.phone(),
            details.website(),
            details.source() == null ? null : details.source().label(),
            details.industry(),
            details.numberOfEmployees(),
            money(details.annualRevenue()),
            details.country(),
            details.city(),
            money(qualification.budget().amount()),
            qualification.timeline().purchaseTimeframe() == null ? null : qualification.timeline().purchaseTimeframe().label()),
        new LeadQualified.Options(
            plan.createAccount(),
            plan.createContact(),
            plan.createOpportunity(),
            plan.existingAccountId(),
            plan.existingContactId()),
        plan.accountId(),
        plan.contactId(),
        plan.opportunityId(),
        draft == null
            ? null
            : new LeadQualified.OpportunityDraft(
                draft.name(),
                money(draft.estimatedValue()),
                draft.estimatedCloseDate(),
                draft.lines().stream()
                    .map(line -> new LeadQualified.Line(line.productName(), line.quantity().toPlainString(), money(line.unitPrice())))
                    .toList()),
        policyCheck(lead.qualificationCheck()));
  }

  private static LeadQualified.QualificationPolicyCheck policyCheck(QualificationCheck check) {
    if (check == null || check.policyVersion() == null) {
      return null; // qualified before the gate existed
    }
    return new LeadQualified.QualificationPolicyCheck(
        check.policyVersion(),
        check.readiness(),
        check.wasOverridden()
            ? new LeadQualified.PolicyOverride(check.overrideBy(), check.overrideJustification(), check.overriddenCriteriaKeys())
            : null);
  }

  private static org.leadflow.contracts.Money money(org.leadflow.lead.domain.Money money) {
    return money == null
        ? null
        : new org.leadflow.contracts.Money(money.decimalAmount(), money.currency());
  }

  private static LeadUpdated updated(Lead lead, List<FieldChange> changes, LeadEvent event) {
    return new LeadUpdated(
        lead.id(),
        changes,
        lead.state().label(),
        lead.statusReason().label(),
        lead.statusReason().code(),
        event.at(),
        event.actor().id());
  }

  private static LeadActivityLogged activityLogged(LeadEvent.ActivityLogged logged) {
    Activity activity = logged.activity();
    Activity.Details details = activity.details();
    return new LeadActivityLogged(
        logged.leadId(),
        activity.id(),
        details.type().label(),
        details.subject(),
        details.direction() == null ? null : details.direction().label(),
        details.outcome() == null ? null : details.outcome().label(),
        details.occurredAt(),
        activity.author().id(),
        activity.loggedAt());
  }

  private static LeadDisqualified disqualified(LeadEvent.StatusChanged change) {
    return new LeadDisqualified(
        change.leadId(),
        change.to().label(),
        change.to().code(),
        change.from().label(),
        change.note(),
        change.nurtureUntil(),
        change.at(),
        change.actor().id(),
        change.actor().via().label(),
        change.cause().reason(),
        policyOverride(change.cause().override()));
  }

  private static LeadDisqualified.PolicyOverride policyOverride(GuardOverride override) {
    return override == null
        ? null
        : new LeadDisqualified.PolicyOverride(
            CannotContactPolicy.GUARD_RULE, override.by(), override.justification(), override.attempts(), override.minimumAttempts(), override.policyVersion());
  }

  private static LeadReactivated reactivated(LeadEvent.StatusChanged change) {
    return new LeadReactivated(
        change.leadId(),
        change.from().label(),
        change.to().label(),
        change.to().code(),
        change.note(),
        change.at(),
        change.actor().id(),
        change.actor().via().label(),
        change.cause().reason(),
        change.nurtureUntilBefore());
  }

  private static LeadMerged merged(Lead lead, LeadEvent.Merged merged) {
    Map<String, String> choices = new LinkedHashMap<>();
    merged.choices().forEach((field, source) -> choices.put(field, source.label()));
    return new LeadMerged(
        merged.leadId(),
        merged.isMaster() ? LeadMerged.MASTER : LeadMerged.DUPLICATE,
        merged.masterId(),
        merged.duplicateId(),
        lead.state().label(),
        lead.statusReason().label(),
        lead.statusReason().code(),
        merged.isMaster() ? null : merged.from().label(),
        choices,
        contract(merged.takenFromDuplicate()),
        merged.activitiesMoved(),
        merged.historyEntriesCopied(),
        merged.at(),
        merged.actor().id(),
        merged.actor().via().label());
  }

  private static List<FieldChange> contract(List<org.leadflow.lead.domain.FieldChange> changes) {
    return changes.stream().map(c -> new FieldChange(c.field(), c.oldValue(), c.newValue())).toList();
  }
}
