package org.leadflow.lead.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leadflow.lead.domain.ActivityOutcome;
import org.leadflow.lead.domain.CannotContactFinding;

/**
 * The qualification policy's part about leads nobody reaches, both parts optional (off by default):
 *
 * <ul>
 *   <li>the <b>rule</b>: {@code unansweredAttempts} (N) unanswered outreach attempts since the last
 *       answered one, within {@code withinDays} (M) days, flag the lead, or disqualify it as Cannot
 *       Contact when {@code action} is {@link Action#DISQUALIFY}; evaluated as each attempt is logged.
 *   <li>the <b>guard</b>: a person may disqualify a lead as Cannot Contact only once it had {@code
 *       minimumAttemptsBeforeDisqualifying} (K) outreach attempts, unless a sales manager overrides.
 * </ul>
 */
public record CannotContactPolicy(Integer unansweredAttempts, Integer withinDays, Action action, Integer minimumAttemptsBeforeDisqualifying) {

  public static final CannotContactPolicy OFF = new CannotContactPolicy(null, null, null, null);
  /** The guard's name in refusals, overrides and the history. */
  public static final String GUARD_RULE = "cannot-contact-minimum-attempts";

  static final int MOST_ATTEMPTS = 100;
  static final int LONGEST_WINDOW_DAYS = 365;

  /** What the rule does to a lead that reaches it. */
  public enum Action {
    FLAG,
    DISQUALIFY;

    public String apiName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> named(String name) {
      for (Action action : values()) {
        if (action.apiName().equals(name)) {
          return Optional.of(action);
        }
      }
      return Optional.empty();
    }
  }

  /** One outreach activity (call, email, meeting) of the lead: when it happened and how it went. */
  public record Attempt(Instant occurredAt, ActivityOutcome outcome) {}

  public boolean hasRule() {
    return unansweredAttempts != null;
  }

  public boolean hasGuard() {
    return minimumAttemptsBeforeDisqualifying != null;
  }

  /** Everything that makes this part of the policy unusable, each with its path under {@code prefix}. */
  List<PolicyProblem> problems(String prefix) {
    List<PolicyProblem> problems = new ArrayList<>();
    checkRange(prefix + ".unansweredAttempts", unansweredAttempts, MOST_ATTEMPTS, problems);
    checkRange(prefix + ".withinDays", withinDays, LONGEST_WINDOW_DAYS, problems);
    checkRange(prefix + ".minimumAttemptsBeforeDisqualifying", minimumAttemptsBeforeDisqualifying, MOST_ATTEMPTS, problems);
    if (unansweredAttempts != null && withinDays == null) {
      problems.add(new PolicyProblem(prefix + ".withinDays", "is required with unansweredAttempts: the days the attempts are counted in"));
    }
    if (unansweredAttempts == null && (withinDays != null || action != null)) {
      problems.add(new PolicyProblem(prefix + ".unansweredAttempts", "is required with withinDays and action: the attempts that flag a lead"));
    }
    if (action == Action.DISQUALIFY
        && unansweredAttempts != null
        && minimumAttemptsBeforeDisqualifying != null
        && unansweredAttempts < minimumAttemptsBeforeDisqualifying) {
      problems.add(
          new PolicyProblem(
              prefix + ".unansweredAttempts",
              "must be at least minimumAttemptsBeforeDisqualifying (" + minimumAttemptsBeforeDisqualifying
                  + ") when the rule disqualifies: LeadFlow would disqualify sooner than a person may"));
    }
    return problems;
  }

  private static void checkRange(String path, Integer value, int most, List<PolicyProblem> problems) {
    if (value != null && (value < 1 || value > most)) {
      problems.add(new PolicyProblem(path, "must be from 1 to " + most));
    }
  }

  /**
   * Measures the lead's outreach after an unanswered attempt was logged: the unanswered attempts
   * since the last answered one, within the window ending {@code now}.
   *
   * @return what the rule found, when the attempts reach its limit; empty without a rule or below it
   */
  public Optional<CannotContactFinding> assess(List<Attempt> attempts, Instant now, int policyVersion) {
    if (!hasRule()) {
      return Optional.empty();
    }
    Instant windowStart = now.minus(Duration.ofDays(withinDays));
    Instant lastAnswered =
        attempts.stream().filter(a -> a.outcome() == ActivityOutcome.COMPLETED).map(Attempt::occurredAt).max(Comparator.naturalOrder()).orElse(Instant.MIN);
    List<Attempt> unanswered =
        attempts.stream()
            .filter(a -> isUnanswered(a.outcome()) && a.occurredAt().isAfter(windowStart) && a.occurredAt().isAfter(lastAnswered) && !a.occurredAt().isAfter(now))
            .toList();
    if (unanswered.size() < unansweredAttempts) {
      return Optional.empty();
    }
    Instant since = unanswered.stream().map(Attempt::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
    return Optional.of(new CannotContactFinding(unanswered.size(), since, withinDays, action == Action.DISQUALIFY, policyVersion));
  }

  /** Outcomes that mean nobody answered: no answer, voicemail, busy, wrong number, bounced. */
  public static boolean isUnanswered(ActivityOutcome outcome) {
    return outcome != null
        && switch (outcome) {
          case NO_ANSWER, LEFT_VOICEMAIL, BUSY, WRONG_NUMBER, BOUNCED -> true;
          case COMPLETED, SCHEDULED, CANCELED -> false;
        };
  }

  /** An attempt to reach the lead that took place: any outreach but one still scheduled or canceled. */
  public static boolean isAttempt(ActivityOutcome outcome) {
    return outcome != ActivityOutcome.SCHEDULED && outcome != ActivityOutcome.CANCELED;
  }

  /**
   * The guard, when a person disqualifies a lead as Cannot Contact.
   *
   * @param attempts the outreach attempts the lead had ({@link #isAttempt})
   * @param justification why a sales manager disqualifies anyway; null for no override
   * @return the override that let it pass, or empty when the guard did not stand in the way
   * @throws TooEarlyException when the lead had too few attempts and nobody overrode the guard
   * @throws QualificationGate.OverrideNotAllowedException when the caller may not override it
   */
  public Optional<GuardOverride> checkDisqualification(
      int attempts, String justification, String callerId, String callerName, boolean mayOverride, int policyVersion) {
    if (!hasGuard() || attempts >= minimumAttemptsBeforeDisqualifying) {
      return Optional.empty();
    }
    if (justification == null) {
      throw new TooEarlyException(attempts, minimumAttemptsBeforeDisqualifying, policyVersion);
    }
    if (!mayOverride) {
      throw new QualificationGate.OverrideNotAllowedException();
    }
    return Optional.of(new GuardOverride(callerId, callerName, justification, attempts, minimumAttemptsBeforeDisqualifying, policyVersion));
  }

  /** A sales manager disqualified as Cannot Contact before the guard's minimum of attempts. */
  public record GuardOverride(String by, String byName, String justification, int attempts, int minimumAttempts, int policyVersion) {}

  /** The lead had fewer outreach attempts than the guard asks for before Cannot Contact. */
  public static class TooEarlyException extends RuntimeException {
    private final int attempts;
    private final int minimumAttempts;

    public TooEarlyException(int attempts, int minimumAttempts, int policyVersion) {
      super(
          "Cannot Contact needs at least " + minimumAttempts + " outreach attempts (rule " + GUARD_RULE
              + " of qualification policy version " + policyVersion + "); the lead had " + attempts
              + ". A sales manager may disqualify it anyway with a justification (policyOverride)");
      this.attempts = attempts;
      this.minimumAttempts = minimumAttempts;
    }

    public int attempts() {
      return attempts;
    }

    public int minimumAttempts() {
      return minimumAttempts;
    }
  }
}
