package org.leadflow.lead.domain.worklist;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a seller should do next with a lead, in plain words, and its kind ({@code follow-up}, {@code
 * qualify}, {@code call}, {@code email}, {@code ask}, {@code research}). The first that applies wins: a
 * follow-up due, the agent's ready mark, first contact, a bounced email, switching channel after
 * unanswered attempts, the qualification data still missing (budget, authority, need, timeline), then
 * qualifying once every required criterion is met.
 */
public record NextBestAction(String kind, String text) {

  /** Unanswered attempts on one channel after which the other is suggested. */
  static final int SWITCH_CHANNEL_AFTER = 2;

  public static NextBestAction of(WorkItem item, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (item.followUpDueAt() != null) {
      LocalDate due = LocalDate.ofInstant(item.followUpDueAt(), ZoneOffset.UTC);
      if (due.isEqual(today)) {
        return new NextBestAction("follow-up", "follow-up due today: " + item.followUpSubject());
      }
      if (due.isBefore(today)) {
        return new NextBestAction("follow-up", "follow-up overdue since " + due + ": " + item.followUpSubject());
      }
    }
    if (item.readyToQualify()) {
      return new NextBestAction("qualify", "qualify: the qualification agent found it ready");
    }
    if (item.attempts() == 0) {
      if (item.hasPhone()) {
        return new NextBestAction("call", "call: not contacted yet");
      }
      if (item.hasEmail() && !item.emailBounced()) {
        return new NextBestAction("email", "email: not contacted yet");
      }
      return new NextBestAction("research", "find a phone number or an email address: none on file");
    }
    if (item.emailBounced()) {
      return item.hasPhone()
          ? new NextBestAction("call", "call: the email bounced")
          : new NextBestAction("research", "find a new email address: it bounced and there is no phone number");
    }
    if (item.unansweredCalls() >= SWITCH_CHANNEL_AFTER && item.hasEmail()) {
      return new NextBestAction("email", "call: no answer " + times(item.unansweredCalls()) + ", try email");
    }
    if (item.unansweredEmails() >= SWITCH_CHANNEL_AFTER && item.hasPhone()) {
      return new NextBestAction("call", "email: no reply " + times(item.unansweredEmails()) + ", try a call");
    }
    if (!item.budgetKnown()) {
      return new NextBestAction("ask", "ask about budget");
    }
    if (!item.authorityKnown()) {
      return new NextBestAction("ask", "ask who decides and how they buy");
    }
    if (!item.needKnown()) {
      return new NextBestAction("ask", "ask what they need");
    }
    if (!item.timelineKnown()) {
      return new NextBestAction("ask", "ask when they want to buy");
    }
    if (Boolean.TRUE.equals(item.requiredMet())) {
      return new NextBestAction("qualify", "qualify: every required criterion is met");
    }
    String since = item.lastAttemptAt() == null ? "" : ": last attempt " + Duration.between(item.lastAttemptAt(), now).toDays() + " days ago";
    return new NextBestAction("follow-up", "follow up" + since);
  }

  private static String times(int count) {
    return switch (count) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> count + " times";
    };
  }
}
