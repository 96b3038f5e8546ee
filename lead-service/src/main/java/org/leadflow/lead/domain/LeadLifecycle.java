package org.leadflow.lead.domain;

import java.util.Set;

/**
 * The lead's state machine (docs/architecture.md, section The lead), in one place and free of any framework:
 *
 * <pre>
 * Open/New ──mark contacted / first completed outreach──► Open/Contacted
 * Open/* ──disqualify(reason)──► Disqualified/{Lost, Cannot Contact, No Longer Interested, Canceled}
 * Disqualified/* ──reactivate──► Open/New        (not Disqualified/Merged: final)
 * Open/*, Disqualified/* ──merged into another lead──► Disqualified/Merged
 * Open/* ──qualify──► Qualified/Qualified   (final)
 * </pre>
 *
 * Field updates are allowed while the lead is Open; activities may also be logged on a
 * disqualified lead (nurturing goes on), but not on a merged one (its timeline moved to the master).
 * Only an Open lead takes in a merged duplicate (its fields change, as in an edit). Anything else is a {@link TransitionNotAllowedException}.
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
      case LOG_ACTIVITY, MERGE_AWAY -> state != LeadState.QUALIFIED && current != StatusReason.MERGED;
      case REACTIVATE -> state == LeadState.DISQUALIFIED && current != StatusReason.MERGED;
      case MERGE_IN -> state == LeadState.OPEN;
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

  /** The duplicate of a merge: an Open or Disqualified lead (not one merged already) becomes Disqualified/Merged. */
  public static StatusReason mergeAway(StatusReason current) {
    require(current, LeadAction.MERGE_AWAY);
    return StatusReason.MERGED;
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
