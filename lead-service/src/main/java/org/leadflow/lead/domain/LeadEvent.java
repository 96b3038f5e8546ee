package org.leadflow.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happened to a lead, as the lead's methods report it; recorded in history and published. */
public sealed interface LeadEvent {

  UUID leadId();

  Actor actor();

  Instant at();

  record Captured(UUID leadId, Actor actor, Instant at, List<FieldChange> values) implements LeadEvent {}

  record Updated(UUID leadId, Actor actor, Instant at, List<FieldChange> changes) implements LeadEvent {}

  record StatusChanged(
      UUID leadId,
      Actor actor,
      Instant at,
      LeadAction action,
      StatusReason from,
      StatusReason to,
      String note,
      LocalDate nurtureUntilBefore,
      LocalDate nurtureUntil)
      implements LeadEvent {}

  record ActivityLogged(UUID leadId, Actor actor, Instant at, Activity activity) implements LeadEvent {}

  /** A conversion was asked for: on qualifying, or again after a failed one. */
  record ConversionRequested(UUID leadId, Actor actor, Instant at, ConversionPlan plan, boolean retry)
      implements LeadEvent {}

  /**
   * The pending conversion was asked for again, unchanged: the same plan, first requested at {@code
   * requestedAt} by {@code requestedBy}.
   */
  record ConversionRepublished(
      UUID leadId, Actor actor, Instant at, ConversionPlan plan, Instant requestedAt, String requestedBy)
      implements LeadEvent {}

  /** opportunity-service answered: the conversion completed or failed. */
  record ConversionResolved(UUID leadId, Actor actor, Instant at, Conversion conversion) implements LeadEvent {}
}
