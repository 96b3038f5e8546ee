package org.leadflow.lead.domain;

import java.time.Instant;

/**
 * What the qualification policy's Cannot Contact rule found: {@code attempts} unanswered outreach
 * attempts since {@code since} reach its limit; the lead is flagged, and disqualified as Cannot
 * Contact when {@code disqualify}.
 */
public record CannotContactFinding(int attempts, Instant since, int withinDays, boolean disqualify, int policyVersion) {

  /** The note of the system's disqualification, for the history and the event. */
  public String note() {
    return attempts + " unanswered outreach attempts within " + withinDays + " days (qualification policy version " + policyVersion + ")";
  }
}
