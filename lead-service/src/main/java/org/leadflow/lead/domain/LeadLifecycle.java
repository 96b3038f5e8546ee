package org.leadflow.lead.domain;

import java.util.Set;

/**
 * The lead's state machine (docs/architecture.md, section The lead), in one place and free of any framework:
 *
 * <pre>
 * Open/New ──mark contacted / first completed outreach──► Open/Contacted
 * Open/* ──disqualify(reason)──► Disqualified/{Lost, Cannot Contact, No Longer Interested, Canceled}
 * Disqualified/* ──reactivate──► Open/New
 * Open/* ──qualify──► Qualified/Qualified   (final)
 * </pre>
 *
 * Field updates are allowed while the lead is Open; activities may also be logged on a
 * disqualified lead (nurturing goes on). Anything else is a {@link TransitionNotAllowedException}.
 */
public final class LeadLifecycle {

  private LeadLifecycle() {}

  /** Throws unless {@code current} allows {@code action}; for actions that keep the status. */
  public static void require(StatusReason current, LeadAction action) {
    if (!allows(current, action)) {
      throw new TransitionNotAllowedException(current, action);
    }
  }

  public static boolean allows(StatusReason current, LeadAction action) {
    LeadState state = current.state();
    return switch (action) {
      case UPDATE, QUALIFY, DISQUALIFY -> state == LeadState.OPEN;
      case MARK_CONTACTED -> current == StatusReason.NEW;
      case LOG_ACTIVITY -> state != LeadState.QUALIFIED;
      case REACTIVATE -> state == LeadState.DISQUALIFIED;
    };
  }

  public static StatusReason markContacted(StatusReason current) {
    require(current, LeadAction.MARK_CONTACTED);
    return StatusReason.CONTACTED;
  }

  /** The status after a completed outreach activity: the first one turns New into Contacted. */
  public static StatusReason afterCompletedOutreach(StatusReason current) {
    require(current, LeadAction.LOG_ACTIVITY);
    return current == StatusReason.NEW ? StatusReason.CONTACTED : current;
  }

  public static StatusReason disqualify(StatusReason current, StatusReason reason) {
    if (!DISQUALIFICATION_REASONS.contains(reason)) {
      throw new IllegalArgumentException(
          reason.label() + " is not a reason to disqualify; use one of Lost, Cannot Contact,"
              + " No Longer Interested, Canceled");
    }
    require(current, LeadAction.DISQUALIFY);
    return reason;
  }

  public static StatusReason reactivate(StatusReason current) {
    require(current, LeadAction.REACTIVATE);
    return StatusReason.NEW;
  }

  public static StatusReason qualify(StatusReason current) {
    require(current, LeadAction.QUALIFY);
    return StatusReason.QUALIFIED;
  }

  public static final Set<StatusReason> DISQUALIFICATION_REASONS =
      Set.of(
          StatusReason.LOST,
          StatusReason.CANNOT_CONTACT,
          StatusReason.NO_LONGER_INTERESTED,
          StatusReason.CANCELED);
}
