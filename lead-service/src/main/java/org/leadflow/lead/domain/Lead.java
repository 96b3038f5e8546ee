package org.leadflow.lead.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.leadflow.lead.domain.policy.CannotContactPolicy.GuardOverride;
import org.leadflow.lead.domain.policy.MeasuredReadiness;
import org.leadflow.lead.domain.policy.QualificationCheck;

/**
 * A potential customer who showed interest but is not yet a confirmed opportunity. Every change goes through a method here
 * that checks the lead's status ({@link LeadLifecycle}) and answers the {@link LeadEvent}s it produced, for the audit
 * history and the outbox. What is known about the lead ({@link LeadDetails}), its qualification data ({@link Qualification})
 * and its latest conversion ({@link Conversion}) are value objects embedded in its row; {@link LeadScoreColumns} is read-only.
 */
@Entity
@Table(name = "lead")
public class Lead {

  @Id private UUID id;
  @Embedded private LeadDetails details;
  private String ownerId;
  @Embedded private Qualification qualification;
  @Enumerated(EnumType.STRING) private LeadState state;
  @Enumerated(EnumType.STRING) private StatusReason statusReason;
  private LocalDate nurtureUntil;
  @Embedded private Conversion conversion;
  @Embedded private QualificationCheck qualificationCheck;
  @Embedded private OpportunityOutcome opportunityOutcome;
  @Embedded private MeasuredReadiness readiness;
  @Embedded private Contactability contactability;
  @Embedded private LeadScoreColumns score;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected Lead() {}

  /** A new lead starts Open/New. */
  public static Lead capture(LeadDetails details, Qualification qualification, String ownerId, Actor actor, Instant now) {
    Lead lead = new Lead();
    lead.id = TimeOrderedIds.next();
    lead.details = details;
    lead.qualification = Qualification.EMPTY.enter(qualification, actor.id(), now);
    lead.ownerId = ownerId;
    lead.state = LeadState.OPEN;
    lead.statusReason = StatusReason.NEW;
    lead.createdAt = now;
    lead.updatedAt = now;
    return lead;
  }

  /** Replaces what is known about the lead (only an Open lead can be edited): the change, or empty when nothing differs. */
  public List<LeadEvent> update(LeadDetails details, Qualification qualification, String newOwnerId, Actor actor, Instant now) {
    LeadLifecycle.require(statusReason, LeadAction.UPDATE);
    Map<String, Object> before = LeadFields.of(this);
    this.details = details;
    this.qualification = qualification().enter(qualification, actor.id(), now);
    ownerId = newOwnerId;
    List<FieldChange> changes = LeadFields.differences(before, LeadFields.of(this));
    if (changes.isEmpty()) {
      return List.of();
    }
    updatedAt = now;
    return List.of(new LeadEvent.Updated(id, actor, now, changes));
  }

  public List<LeadEvent> markContacted(Actor actor, Instant now) {
    return changeStatus(LeadAction.MARK_CONTACTED, LeadLifecycle.markContacted(statusReason), null, nurtureUntil, null, actor, now);
  }

  /** @param guard the Cannot Contact guard, asked once the lifecycle allows it: the override it needed, or the refusal it throws */
  public List<LeadEvent> disqualify(
      StatusReason reason, String note, LocalDate nurtureUntil, Supplier<Optional<GuardOverride>> guard, Actor actor, Instant now) {
    StatusReason next = LeadLifecycle.disqualify(statusReason, reason);
    return changeStatus(LeadAction.DISQUALIFY, next, note, nurtureUntil, new LeadEvent.Cause(null, guard.get().orElse(null)), actor, now);
  }

  /** @param cause null for a person's; {@link LeadEvent.Cause#NURTURE_ENDED} for the system's ({@link Nurture}) */
  public List<LeadEvent> reactivate(String note, LeadEvent.Cause cause, Actor actor, Instant now) {
    List<LeadEvent> events = new ArrayList<>(changeStatus(LeadAction.REACTIVATE, LeadLifecycle.reactivate(statusReason), note, null, cause, actor, now));
    events.addAll(flagged(null, actor, now));
    return events;
  }

  /** Sets (or, with null, clears) the Cannot Contact flag; {@link CannotContactFlag} decides when. */
  List<LeadEvent> flagged(Contactability after, Actor actor, Instant now) {
    if (Objects.equals(after, contactability)) {
      return List.of();
    }
    var event = new LeadEvent.ContactabilityChanged(id, actor, now, contactability, after);
    contactability = after;
    updatedAt = now;
    return List.of(event);
  }

  /** Set while the Cannot Contact rule has the lead flagged; null otherwise. */
  public Contactability contactability() {
    return contactability;
  }

  /**
   * Qualifies an Open lead: it becomes Qualified (final) and its conversion is requested. {@code request}
   * is kept for a retry; {@code gate} is the qualification policy's, passed once the lifecycle allows
   * qualifying: how the lead passes (kept with it), or the refusal it throws.
   */
  public List<LeadEvent> qualify(ConversionPlan plan, String request, Supplier<QualificationCheck> gate, Actor actor, Instant now) {
    StatusReason qualified = LeadLifecycle.qualify(statusReason);
    qualificationCheck = gate.get();
    List<LeadEvent> events = new ArrayList<>(changeStatus(LeadAction.QUALIFY, qualified, null, null, null, actor, now));
    events.add(requestConversion(plan, request, false, actor, now));
    return events;
  }

  /** Asks again for a conversion that failed, possibly with a corrected plan. */
  public List<LeadEvent> retryConversion(ConversionPlan plan, String request, Actor actor, Instant now) {
    if (conversionStatus() != ConversionStatus.FAILED) {
      throw new ConversionNotRetryableException(id, conversionStatus());
    }
    return List.of(requestConversion(plan, request, true, actor, now));
  }

  private LeadEvent requestConversion(ConversionPlan plan, String request, boolean retry, Actor actor, Instant now) {
    conversion = Conversion.requested(plan, request, actor, now);
    updatedAt = now;
    return new LeadEvent.ConversionRequested(id, actor, now, plan, retry, qualificationCheck);
  }

  /**
   * Asks opportunity-service again for the pending conversion (else {@link ConversionNotPendingException}),
   * whose answer may have been lost: the same request (the conversion and ids {@code currentPlan} rebuilds
   * from the request it was asked with) under a new event; safe, as opportunity-service answers a
   * conversion it knows with its outcome. The lead itself does not change.
   */
  public List<LeadEvent> republishConversion(Supplier<ConversionPlan> currentPlan, Actor actor, Instant now) {
    if (conversionStatus() != ConversionStatus.PENDING) {
      throw new ConversionNotPendingException(id, conversionStatus());
    }
    ConversionPlan plan = currentPlan.get();
    if (!plan.conversionId().equals(conversion.id())) {
      throw new IllegalArgumentException("The plan of conversion " + plan.conversionId() + " is not the lead's " + conversion.id());
    }
    return List.of(
        new LeadEvent.ConversionRepublished(id, actor, now, plan, conversion.requestedAt(), conversion.requestedBy()));
  }

  /** Records opportunity-service's answer; one about an earlier conversion (retried since) changes nothing. */
  public List<LeadEvent> conversionCompleted(UUID conversionId, UUID opportunityId, UUID accountId, UUID contactId, Actor actor, Instant now) {
    boolean answers = isCurrent(conversionId) && conversion.status() != ConversionStatus.COMPLETED;
    return answers ? resolved(conversion.completed(opportunityId, accountId, contactId, now), actor, now) : List.of();
  }

  public List<LeadEvent> conversionFailed(UUID conversionId, String reason, String detail, Actor actor, Instant now) {
    boolean answers = isCurrent(conversionId) && conversion.status() == ConversionStatus.PENDING;
    return answers ? resolved(conversion.failed(reason, detail, now), actor, now) : List.of();
  }

  private List<LeadEvent> resolved(Conversion answered, Actor actor, Instant now) {
    conversion = answered;
    updatedAt = now;
    return List.of(new LeadEvent.ConversionResolved(id, actor, now, conversion));
  }

  /** How its opportunity ended ({@code outcome}), or that it was reopened (null); only the conversion's opportunity counts. */
  public List<LeadEvent> opportunityOutcome(UUID opportunityId, OpportunityOutcome outcome, Actor actor, Instant now) {
    if (conversion == null || !opportunityId.equals(conversion.opportunityId()) || OpportunityOutcome.same(outcome, opportunityOutcome)) {
      return List.of();
    }
    var event = new LeadEvent.OpportunityOutcomeChanged(id, actor, now, opportunityId, opportunityOutcome, outcome);
    opportunityOutcome = outcome;
    updatedAt = now;
    return List.of(event);
  }

  /** How the lead's opportunity ended; null while it is open (or before the lead was converted). */
  public OpportunityOutcome opportunityOutcome() {
    return opportunityOutcome;
  }

  private boolean isCurrent(UUID conversionId) {
    return conversion != null && conversionId.equals(conversion.id());
  }

  private ConversionStatus conversionStatus() {
    return conversion == null ? null : conversion.status();
  }

  /** How the lead passed the qualification policy's gate; null until qualified (or qualified before the gate). */
  public QualificationCheck qualificationCheck() {
    return qualificationCheck;
  }

  /** The latest conversion, or null when the lead was never qualified. */
  public Conversion conversion() {
    return conversion;
  }

  /** The request the latest conversion was asked with, or null. */
  public String conversionRequest() {
    return conversion == null ? null : conversion.request();
  }

  /** Logs an activity on the timeline; the first completed outreach moves a New lead to Contacted, and any clears the Cannot Contact flag. */
  public ActivityLog logActivity(Activity.Details details, Actor actor, Instant now) {
    LeadLifecycle.require(statusReason, LeadAction.LOG_ACTIVITY);
    Activity activity = Activity.log(id, details, actor, now);
    List<LeadEvent> events = new ArrayList<>();
    events.add(new LeadEvent.ActivityLogged(id, actor, now, activity));
    if (activity.isCompletedOutreach() && statusReason == StatusReason.NEW) {
      String note = "First completed outreach: " + details.type().label();
      events.addAll(changeStatus(LeadAction.LOG_ACTIVITY, LeadLifecycle.afterCompletedOutreach(statusReason), note, nurtureUntil, null, actor, now));
    }
    if (activity.isCompletedOutreach()) {
      events.addAll(flagged(null, actor, now));
    }
    // Otherwise the lead itself is unchanged: its version (ETag) stays, so that logging a call does
    // not make a colleague's pending edit stale.
    return new ActivityLog(activity, events);
  }

  /** An activity and the events logging it produced. */
  public record ActivityLog(Activity activity, List<LeadEvent> events) {}

  List<LeadEvent> changeStatus(LeadAction action, StatusReason next, String note, LocalDate nurture, LeadEvent.Cause cause, Actor actor, Instant now) {
    StatusReason previous = statusReason;
    LocalDate previousNurture = nurtureUntil;
    statusReason = next;
    state = next.state();
    nurtureUntil = nurture;
    updatedAt = now;
    return List.of(
        new LeadEvent.StatusChanged(
            id, actor, now, action, previous, next, note, previousNurture, nurtureUntil, cause == null ? LeadEvent.Cause.NONE : cause));
  }

  /** Keeps how the policy in force measures the lead, for the list; not a change of the lead itself. */
  public void measured(MeasuredReadiness measured) {
    readiness = measured;
  }

  /** How the policy measured the lead when last created, edited or re-measured; null before. */
  public MeasuredReadiness readiness() {
    return readiness;
  }

  public LeadDetails details() {
    return details;
  }

  /** The qualification data; {@link Qualification#EMPTY} when none was captured. */
  public Qualification qualification() {
    return qualification == null ? Qualification.EMPTY : qualification;
  }

  public UUID id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public LeadState state() {
    return state;
  }

  public StatusReason statusReason() {
    return statusReason;
  }

  public LocalDate nurtureUntil() {
    return nurtureUntil;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
