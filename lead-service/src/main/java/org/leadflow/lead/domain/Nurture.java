package org.leadflow.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The end of a disqualified lead's nurture period: on the date it was nurtured until ({@code
 * nurtureUntil}, a day in UTC) LeadFlow reactivates it, as the system. A lead a person changed since
 * (reactivated, or disqualified again with a later date or none) is no longer due and is left alone.
 */
public final class Nurture {

  /** The actor of the system's reactivations. */
  public static final Actor SYSTEM = Actor.system("nurture");

  private Nurture() {}

  /** Whether {@code lead} is disqualified with a nurture date on or before {@code today}. */
  public static boolean isDue(Lead lead, LocalDate today) {
    return lead.state() == LeadState.DISQUALIFIED && lead.nurtureUntil() != null && !lead.nurtureUntil().isAfter(today);
  }

  /** The system's reactivation of a lead whose nurture period has ended; nothing for one that is not due. */
  public static List<LeadEvent> ended(Lead lead, LocalDate today, Instant now) {
    if (!isDue(lead, today)) {
      return List.of();
    }
    return lead.reactivate("Nurtured until " + lead.nurtureUntil(), LeadEvent.Cause.NURTURE_ENDED, SYSTEM, now);
  }
}
