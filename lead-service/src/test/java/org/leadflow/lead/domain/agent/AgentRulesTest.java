package org.leadflow.lead.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.policy.InvalidPolicyException;
import org.leadflow.lead.domain.policy.PolicyProblem;

/** The agent's judgement of one lead, as plain Java: conditions, their reasons, the order of rules and the guards. */
class AgentRulesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static AgentFacts facts(Integer score, int unanswered, boolean bounced, boolean phone, Instant personChange) {
    return new AgentFacts(
        UUID.randomUUID(), StatusReason.CONTACTED, score, 50, true, phone, true, bounced, false, false, unanswered, unanswered, unanswered,
        personChange, NOW.minus(Duration.ofDays(30)), false, false);
  }

  private static AgentConditions when(Integer scoreBelow, Integer unansweredAtLeast, Boolean bounced, Boolean phone) {
    return new AgentConditions(scoreBelow, null, null, null, null, null, unansweredAtLeast, null, bounced, null, null, phone, null, null);
  }

  private static AgentPolicy policy(int hours, AgentRule... rules) {
    return new AgentPolicy(AgentPolicy.Mode.ON, hours, false, List.of(rules));
  }

  private static final AgentRule BOUNCED_NO_PHONE =
      new AgentRule("Bounced and no phone", when(null, null, true, false), AgentAction.DISQUALIFY, StatusReason.CANNOT_CONTACT);
  private static final AgentRule COLD = new AgentRule("Cold", when(20, 3, null, null), AgentAction.DISQUALIFY, StatusReason.NO_LONGER_INTERESTED);

  @Test
  void everyConditionMustHoldAndEachGivesItsReason() {
    AgentDecision decision = QualificationAgent.decide(policy(0, COLD), facts(12, 4, false, true, null), NOW);

    assertThat(decision.outcome()).isEqualTo(AgentDecision.Outcome.DISQUALIFY);
    assertThat(decision.reason()).isEqualTo(StatusReason.NO_LONGER_INTERESTED);
    assertThat(decision.reasons()).containsExactly("score 12 is below 20", "4 unanswered attempts since the last answer (at least 3)");
    assertThat(QualificationAgent.decide(policy(0, COLD), facts(12, 2, false, true, null), NOW).outcome()).isEqualTo(AgentDecision.Outcome.NONE);
  }

  @Test
  void aLeadNotScoredYetNeverMeetsAScoreCondition() {
    assertThat(QualificationAgent.decide(policy(0, COLD), facts(null, 9, false, true, null), NOW).outcome()).isEqualTo(AgentDecision.Outcome.NONE);
  }

  @Test
  void theFirstRuleThatAppliesDecides() {
    AgentDecision decision = QualificationAgent.decide(policy(0, BOUNCED_NO_PHONE, COLD), facts(5, 5, true, false, null), NOW);

    assertThat(decision.rule()).isEqualTo("Bounced and no phone");
    assertThat(decision.reasons()).containsExactly("email bounced", "no phone number");
  }

  @Test
  void aLeadAPersonChangedWithinTheHoursIsHeldBackNamingTheRuleAndAnOlderChangeIsNot() {
    AgentDecision held = QualificationAgent.decide(policy(24, COLD), facts(5, 5, false, true, NOW.minus(Duration.ofHours(23))), NOW);
    AgentDecision acted = QualificationAgent.decide(policy(24, COLD), facts(5, 5, false, true, NOW.minus(Duration.ofHours(25))), NOW);

    assertThat(held.outcome()).isEqualTo(AgentDecision.Outcome.SKIPPED);
    assertThat(held.rule()).isEqualTo("Cold");
    assertThat(held.reasons()).singleElement().asString().contains("within the last 24 hours");
    assertThat(acted.outcome()).isEqualTo(AgentDecision.Outcome.DISQUALIFY);
  }

  @Test
  void aQualifyRuleActsOnlyWithTheOptInAndEveryRequiredCriterionMet() {
    AgentConditions hot = new AgentConditions(null, 85, null, null, null, null, null, null, null, null, null, null, null, null);
    AgentRule qualify = new AgentRule("Hot", hot, AgentAction.QUALIFY, null);
    AgentFacts lead = facts(90, 0, false, true, null);

    assertThat(QualificationAgent.decide(new AgentPolicy(AgentPolicy.Mode.ON, 0, true, List.of(qualify)), lead, NOW).reasons())
        .containsExactly("score 90 is at least 85", "every required criterion is met");
    assertThat(QualificationAgent.decide(new AgentPolicy(AgentPolicy.Mode.ON, 0, false, List.of(qualify)), lead, NOW).outcome())
        .isEqualTo(AgentDecision.Outcome.NONE);
    assertThatThrownBy(() -> new AgentPolicy(AgentPolicy.Mode.ON, 0, false, List.of(qualify)).validated())
        .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems()).extracting(PolicyProblem::path).containsExactly("rules[0].action"));
  }

  @Test
  void aLeadThatIsNotOpenIsNeverActedOn() {
    AgentFacts lost = new AgentFacts(UUID.randomUUID(), StatusReason.LOST, 1, 0, false, false, false, true, true, false, 9, 9, 9, null, NOW, false, false);
    assertThat(QualificationAgent.decide(policy(0, COLD, BOUNCED_NO_PHONE), lost, NOW).outcome()).isEqualTo(AgentDecision.Outcome.NONE);
  }
}
