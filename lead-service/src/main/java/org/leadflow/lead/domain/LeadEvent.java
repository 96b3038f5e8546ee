package org.leadflow.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.lead.domain.assignment.Assignment;
import org.leadflow.lead.domain.policy.CannotContactPolicy.GuardOverride;
import org.leadflow.lead.domain.policy.QualificationCheck;

/**
 * What happened to a lead, as the lead's methods report it; recorded in history and published.
 *
 * <p>Whoever handles events does so through a {@link Visitor}: a new kind of event is a new method of
 * the visitor, so every place that handles events fails to compile until it handles the new one.
 */
public sealed interface LeadEvent {

  UUID leadId();

  Actor actor();

  Instant at();

  /** Hands this event to the method of {@code visitor} for its kind. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of event; Java 17 has no pattern matching for switch to do this. */
  interface Visitor<R> {

    R captured(Captured event);

    R updated(Updated event);

    R statusChanged(StatusChanged event);

    R activityLogged(ActivityLogged event);

    R conversionRequested(ConversionRequested event);

    R conversionRepublished(ConversionRepublished event);

    R conversionResolved(ConversionResolved event);

    R opportunityOutcomeChanged(OpportunityOutcomeChanged event);

    R contactabilityChanged(ContactabilityChanged event);

    R merged(Merged event);

    R agentActed(AgentActed event);
  }

  /**
   * Why a status changed beyond its actor's wish: LeadFlow's own reason ({@link #NURTURE_ENDED},
   * {@link #CANNOT_CONTACT_POLICY}; null for a person's change), and a sales manager's override of the
   * Cannot Contact guard (null without one).
   */
  record Cause(String reason, GuardOverride override) {
    public static final Cause NONE = new Cause(null, null);
    /** The system reactivated the lead: the date it was nurtured until has come. */
    public static final Cause NURTURE_ENDED = new Cause("nurture-ended", null);
    /** The system disqualified the lead: the qualification policy's Cannot Contact rule. */
    public static final Cause CANNOT_CONTACT_POLICY = new Cause("cannot-contact-policy", null);
    /** The qualification agent disqualified the lead by a rule of its policy ({@link AgentActions}). */
    public static final Cause QUALIFICATION_AGENT = new Cause("qualification-agent", null);
    /** A person undid the qualification agent's disqualification: the lead is restored as it was. */
    public static final Cause AGENT_ACTION_UNDONE = new Cause("agent-action-undone", null);
  }

  /**
   * @param assignment the rule that chose the lead's owner; null when the creator named it
   * @param importId the import whose row the lead is; null when it was created on its own
   */
  record Captured(UUID leadId, Actor actor, Instant at, List<FieldChange> values, Assignment assignment, UUID importId) implements LeadEvent {

    /** The event of {@link Lead#capture}: every value the lead was created with. */
    public static Captured of(Lead lead, Actor actor) {
      return of(lead, actor, null);
    }

    /** {@link #of(Lead, Actor)} of a lead whose owner {@code assignment} chose. */
    public static Captured of(Lead lead, Actor actor, Assignment assignment) {
      return imported(lead, actor, assignment, null);
    }

    /** {@link #of(Lead, Actor, Assignment)} of a lead that a row of import {@code importId} brought. */
    public static Captured imported(Lead lead, Actor actor, Assignment assignment, UUID importId) {
      List<FieldChange> values = new ArrayList<>();
      LeadFields.of(lead).forEach((field, value) -> {
        if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
          values.add(new FieldChange(field, null, value));
        }
      });
      return new Captured(lead.id(), actor, lead.createdAt(), values, assignment, importId);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.captured(this);
    }
  }

  record Updated(UUID leadId, Actor actor, Instant at, List<FieldChange> changes) implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.updated(this);
    }
  }

  record StatusChanged(
      UUID leadId,
      Actor actor,
      Instant at,
      LeadAction action,
      StatusReason from,
      StatusReason to,
      String note,
      LocalDate nurtureUntilBefore,
      LocalDate nurtureUntil,
      Cause cause)
      implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.statusChanged(this);
    }
  }

  record ActivityLogged(UUID leadId, Actor actor, Instant at, Activity activity) implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.activityLogged(this);
    }
  }

  /** A conversion was asked for: on qualifying, or again after a failed one. */
  /** @param check how the lead passed the qualification policy's gate (kept from qualifying on a retry); may be null */
  record ConversionRequested(UUID leadId, Actor actor, Instant at, ConversionPlan plan, boolean retry, QualificationCheck check)
      implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.conversionRequested(this);
    }
  }

  /**
   * The pending conversion was asked for again, unchanged: the same plan, first requested at {@code
   * requestedAt} by {@code requestedBy}.
   */
  record ConversionRepublished(
      UUID leadId, Actor actor, Instant at, ConversionPlan plan, Instant requestedAt, String requestedBy)
      implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.conversionRepublished(this);
    }
  }

  /** opportunity-service answered: the conversion completed or failed. */
  record ConversionResolved(UUID leadId, Actor actor, Instant at, Conversion conversion) implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.conversionResolved(this);
    }
  }

  /** The lead's opportunity was won or lost ({@code after}), or reopened ({@code after} null). */
  record OpportunityOutcomeChanged(UUID leadId, Actor actor, Instant at, UUID opportunityId, OpportunityOutcome before, OpportunityOutcome after)
      implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.opportunityOutcomeChanged(this);
    }
  }

  /** The Cannot Contact flag was set ({@code before} null) or cleared ({@code after} null). */
  record ContactabilityChanged(UUID leadId, Actor actor, Instant at, Contactability before, Contactability after) implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.contactabilityChanged(this);
    }
  }

  /**
   * A duplicate was merged into a master ({@link LeadMerge}); the event of each of the two leads, {@code
   * leadId} saying which. The master's fields that changed are its {@link Updated} event, just before.
   *
   * @param from the lead's status before (the duplicate's; the master's stays)
   * @param to the lead's status after (Disqualified/Merged for the duplicate)
   * @param choices where each field the merge looked at was taken from (field → master or duplicate)
   * @param activitiesMoved the duplicate's activities now on the master's timeline
   * @param historyEntriesCopied the duplicate's history entries copied into the master's history
   */
  record Merged(
      UUID leadId,
      Actor actor,
      Instant at,
      UUID masterId,
      UUID duplicateId,
      StatusReason from,
      StatusReason to,
      Map<String, LeadMerge.Source> choices,
      List<FieldChange> takenFromDuplicate,
      int activitiesMoved,
      int historyEntriesCopied)
      implements LeadEvent {

    public boolean isMaster() {
      return leadId.equals(masterId);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.merged(this);
    }
  }

  /**
   * The qualification agent acted on the lead ({@code action}: {@code disqualify}, {@code
   * mark-ready-to-qualify}, {@code qualify}) by a rule of its policy, for these reasons; or a person
   * cleared its ready-to-qualify mark ({@code clear-ready-to-qualify}). Kept in the history beside the
   * change itself; the change (a status) is published by its own event.
   */
  record AgentActed(UUID leadId, Actor actor, Instant at, String action, String rule, List<String> reasons, Integer policyVersion)
      implements LeadEvent {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.agentActed(this);
    }
  }
}
