package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the qualification policy's Cannot Contact rule does to an Open lead it found unreachable
 * ({@link org.leadflow.lead.domain.policy.CannotContactPolicy#assess}): flags it and, where the policy
 * says so, disqualifies it as Cannot Contact, both by the system. A lead flagged already, or no longer
 * Open, is left as it is. The flag is cleared by reactivation and by an answered outreach ({@link Lead}).
 */
public final class CannotContactFlag {

  /** The actor of the rule's changes. */
  public static final Actor SYSTEM = Actor.system("cannot-contact-policy");

  private CannotContactFlag() {}

  public static List<LeadEvent> apply(Lead lead, CannotContactFinding finding, Instant now) {
    if (lead.contactability() != null || lead.state() != LeadState.OPEN) {
      return List.of();
    }
    List<LeadEvent> events = new ArrayList<>(lead.flagged(new Contactability(now, finding.attempts(), finding.since()), SYSTEM, now));
    if (finding.disqualify()) {
      StatusReason next = LeadLifecycle.disqualify(lead.statusReason(), StatusReason.CANNOT_CONTACT);
      events.addAll(lead.changeStatus(LeadAction.DISQUALIFY, next, finding.note(), null, LeadEvent.Cause.CANNOT_CONTACT_POLICY, SYSTEM, now));
    }
    return events;
  }
}
