package org.leadflow.lead.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.leadflow.lead.domain.policy.PolicyProblem;

/**
 * When a rule of the agent applies: every condition set must hold (an unset one is not looked at). A
 * condition on something not known yet (a lead not scored, or not measured) does not hold. Each that
 * holds gives its reason in plain words, which the lead's history keeps.
 */
public record AgentConditions(
    Integer scoreBelow,
    Integer scoreAtLeast,
    Integer readinessBelow,
    Integer readinessAtLeast,
    Boolean requiredMet,
    Integer attemptsAtLeast,
    Integer unansweredAttemptsAtLeast,
    Integer noAnswerCallsAtLeast,
    Boolean emailBounced,
    Boolean disposableEmail,
    Boolean freeMailEmail,
    Boolean hasPhone,
    Boolean hasEmail,
    Integer olderThanDays) {

  public static final AgentConditions NONE = new AgentConditions(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** The reasons the conditions hold for {@code facts}, or empty when one does not. */
  public Optional<List<String>> reasons(AgentFacts facts, Instant now) {
    List<String> reasons = new ArrayList<>();
    boolean holds =
        below(scoreBelow, facts.score(), "score", reasons)
            && atLeast(scoreAtLeast, facts.score(), "score", reasons)
            && below(readinessBelow, facts.readiness(), "readiness", reasons)
            && atLeast(readinessAtLeast, facts.readiness(), "readiness", reasons)
            && flag(requiredMet, facts.requiredMet() != null && facts.requiredMet(), "every required criterion is met", "a required criterion is not met", reasons)
            && count(attemptsAtLeast, facts.attempts(), "outreach attempts", reasons)
            && count(unansweredAttemptsAtLeast, facts.unansweredAttempts(), "unanswered attempts since the last answer", reasons)
            && count(noAnswerCallsAtLeast, facts.noAnswerCalls(), "calls not answered", reasons)
            && flag(emailBounced, facts.emailBounced(), "email bounced", "email has not bounced", reasons)
            && flag(disposableEmail, facts.disposableEmail(), "disposable email domain", "email domain is not disposable", reasons)
            && flag(freeMailEmail, facts.freeMailEmail(), "free-mail email address", "business email address", reasons)
            && flag(hasPhone, facts.hasPhone(), "has a phone number", "no phone number", reasons)
            && flag(hasEmail, facts.hasEmail(), "has an email address", "no email address", reasons)
            && older(facts, now, reasons);
    return holds ? Optional.of(List.copyOf(reasons)) : Optional.empty();
  }

  boolean isEmpty() {
    return equals(NONE);
  }

  void check(String path, Consumer<PolicyProblem> problems) {
    range(path + ".scoreBelow", scoreBelow, 1, 100, problems);
    range(path + ".scoreAtLeast", scoreAtLeast, 0, 100, problems);
    range(path + ".readinessBelow", readinessBelow, 1, 100, problems);
    range(path + ".readinessAtLeast", readinessAtLeast, 0, 100, problems);
    range(path + ".attemptsAtLeast", attemptsAtLeast, 1, 100, problems);
    range(path + ".unansweredAttemptsAtLeast", unansweredAttemptsAtLeast, 1, 100, problems);
    range(path + ".noAnswerCallsAtLeast", noAnswerCallsAtLeast, 1, 100, problems);
    range(path + ".olderThanDays", olderThanDays, 1, 3650, problems);
    if (scoreBelow != null && scoreAtLeast != null && scoreAtLeast >= scoreBelow) {
      problems.accept(new PolicyProblem(path + ".scoreAtLeast", "must be below scoreBelow, or no lead meets the rule"));
    }
    if (readinessBelow != null && readinessAtLeast != null && readinessAtLeast >= readinessBelow) {
      problems.accept(new PolicyProblem(path + ".readinessAtLeast", "must be below readinessBelow, or no lead meets the rule"));
    }
  }

  private static void range(String path, Integer value, int min, int max, Consumer<PolicyProblem> problems) {
    if (value != null && (value < min || value > max)) {
      problems.accept(new PolicyProblem(path, "must be from " + min + " to " + max));
    }
  }

  private static boolean below(Integer limit, Integer value, String what, List<String> reasons) {
    if (limit == null) {
      return true;
    }
    if (value == null || value >= limit) {
      return false;
    }
    reasons.add(what + " " + value + " is below " + limit);
    return true;
  }

  private static boolean atLeast(Integer limit, Integer value, String what, List<String> reasons) {
    if (limit == null) {
      return true;
    }
    if (value == null || value < limit) {
      return false;
    }
    reasons.add(what + " " + value + " is at least " + limit);
    return true;
  }

  private static boolean count(Integer limit, int value, String what, List<String> reasons) {
    if (limit == null) {
      return true;
    }
    if (value < limit) {
      return false;
    }
    reasons.add(value + " " + what + " (at least " + limit + ")");
    return true;
  }

  private static boolean flag(Boolean wanted, boolean actual, String whenTrue, String whenFalse, List<String> reasons) {
    if (wanted == null) {
      return true;
    }
    if (wanted != actual) {
      return false;
    }
    reasons.add(actual ? whenTrue : whenFalse);
    return true;
  }

  private boolean older(AgentFacts facts, Instant now, List<String> reasons) {
    if (olderThanDays == null) {
      return true;
    }
    long days = Duration.between(facts.createdAt(), now).toDays();
    if (days < olderThanDays) {
      return false;
    }
    reasons.add("open for " + days + " days (at least " + olderThanDays + ")");
    return true;
  }
}
