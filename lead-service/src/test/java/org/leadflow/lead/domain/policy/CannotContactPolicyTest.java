package org.leadflow.lead.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.ActivityOutcome;
import org.leadflow.lead.domain.CannotContactFinding;

class CannotContactPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final CannotContactPolicy THREE_IN_A_WEEK = new CannotContactPolicy(3, 7, CannotContactPolicy.Action.FLAG, 2);

  private static CannotContactPolicy.Attempt daysAgo(int days, ActivityOutcome outcome) {
    return new CannotContactPolicy.Attempt(NOW.minus(Duration.ofDays(days)), outcome);
  }

  @Test
  void unansweredAttemptsWithinTheWindowReachTheRule() {
    var finding =
        THREE_IN_A_WEEK.assess(
            List.of(daysAgo(6, ActivityOutcome.NO_ANSWER), daysAgo(3, ActivityOutcome.LEFT_VOICEMAIL), daysAgo(0, ActivityOutcome.BOUNCED)), NOW, 4);

    assertThat(finding).contains(new CannotContactFinding(3, NOW.minus(Duration.ofDays(6)), 7, false, 4));
  }

  @Test
  void attemptsOutsideTheWindowBeforeAnAnsweredOneOrNotUnansweredDoNotCount() {
    assertThat(THREE_IN_A_WEEK.assess(List.of(daysAgo(8, ActivityOutcome.NO_ANSWER), daysAgo(3, ActivityOutcome.BUSY), daysAgo(0, ActivityOutcome.NO_ANSWER)), NOW, 1))
        .isEmpty();
    assertThat(
            THREE_IN_A_WEEK.assess(
                List.of(daysAgo(5, ActivityOutcome.NO_ANSWER), daysAgo(4, ActivityOutcome.COMPLETED), daysAgo(3, ActivityOutcome.BUSY), daysAgo(0, ActivityOutcome.NO_ANSWER)),
                NOW,
                1))
        .isEmpty();
    assertThat(THREE_IN_A_WEEK.assess(List.of(daysAgo(3, ActivityOutcome.SCHEDULED), daysAgo(2, ActivityOutcome.CANCELED), daysAgo(0, ActivityOutcome.NO_ANSWER)), NOW, 1))
        .isEmpty();
    assertThat(CannotContactPolicy.OFF.assess(List.of(daysAgo(0, ActivityOutcome.NO_ANSWER)), NOW, 1)).isEmpty();
  }

  @Test
  void theGuardRefusesTooFewAttemptsUnlessASalesManagerOverrides() {
    assertThatThrownBy(() -> THREE_IN_A_WEEK.checkDisqualification(1, null, "m", null, true, 4))
        .isInstanceOfSatisfying(CannotContactPolicy.TooEarlyException.class, e -> {
          assertThat(e.attempts()).isEqualTo(1);
          assertThat(e.minimumAttempts()).isEqualTo(2);
          assertThat(e.getMessage()).contains(CannotContactPolicy.GUARD_RULE);
        });
    assertThatThrownBy(() -> THREE_IN_A_WEEK.checkDisqualification(1, "closed", "s", null, false, 4))
        .isInstanceOf(QualificationGate.OverrideNotAllowedException.class);
    assertThat(THREE_IN_A_WEEK.checkDisqualification(1, "closed", "m", "Mia", true, 4))
        .contains(new CannotContactPolicy.GuardOverride("m", "Mia", "closed", 1, 2, 4));
    assertThat(THREE_IN_A_WEEK.checkDisqualification(2, null, "s", null, false, 4)).isEmpty();
    assertThat(CannotContactPolicy.OFF.checkDisqualification(0, null, "s", null, false, 4)).isEmpty();
  }

  @Test
  void aRuleThatCannotWorkIsNamedByItsMember() {
    assertThat(new CannotContactPolicy(3, null, null, null).problems("cannotContact")).extracting(PolicyProblem::path).containsExactly("cannotContact.withinDays");
    assertThat(new CannotContactPolicy(null, 7, null, null).problems("cannotContact")).extracting(PolicyProblem::path).containsExactly("cannotContact.unansweredAttempts");
    assertThat(new CannotContactPolicy(0, 400, CannotContactPolicy.Action.FLAG, 101).problems("cannotContact"))
        .extracting(PolicyProblem::path)
        .containsExactly("cannotContact.unansweredAttempts", "cannotContact.withinDays", "cannotContact.minimumAttemptsBeforeDisqualifying");
    assertThat(new CannotContactPolicy(2, 7, CannotContactPolicy.Action.DISQUALIFY, 3).problems("cannotContact"))
        .extracting(PolicyProblem::path)
        .containsExactly("cannotContact.unansweredAttempts");
  }
}
