package org.leadflow.lead.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.LeadState;

/**
 * The qualification agent's judgement of one lead by a policy: plain Java, the same for a run, a dry
 * run and one lead evaluated after its score changed.
 *
 * <p>The first rule whose conditions hold decides; a rule that would repeat itself (a mark already on the
 * lead) or that may not act (qualify without the opt-in, or with a required criterion unmet) is passed
 * over. A lead that is not Open is left alone; so is, when a rule would act, one a person overruled
 * the agent on (undid one of its actions) or changed within the policy's {@code recentChangeHours}:
 * that decision is "skipped", naming the rule and why.
 */
public final class QualificationAgent {

  /** The agent as the actor of its changes, in the history and the events ({@code via} agent). */
  public static final Actor ACTOR = new Actor("qualification-agent", "Qualification agent", Actor.Channel.AGENT);

  private QualificationAgent() {}

  public static AgentDecision decide(AgentPolicy policy, AgentFacts facts, Instant now) {
    if (facts.statusReason().state() != LeadState.OPEN) {
      return AgentDecision.none(facts.leadId(), "the lead is " + facts.statusReason().label() + ", not Open");
    }
    AgentDecision decision = firstAction(policy, facts, now);
    if (!decision.acts()) {
      return decision;
    }
    // Held back only once a rule would act, so that a run's report lists the leads it left alone for a reason.
    if (facts.overruled()) {
      return held(decision, "a person undid an earlier action of the agent on this lead");
    }
    if (policy.recentChangeHours() > 0
        && facts.lastPersonChange() != null
        && facts.lastPersonChange().isAfter(now.minus(Duration.ofHours(policy.recentChangeHours())))) {
      return held(decision, "a person changed the lead at " + facts.lastPersonChange() + ", within the last " + policy.recentChangeHours() + " hours");
    }
    return decision;
  }

  private static AgentDecision firstAction(AgentPolicy policy, AgentFacts facts, Instant now) {
    for (AgentRule rule : policy.rules()) {
      Optional<List<String>> holds = rule.when().reasons(facts, now);
      if (holds.isEmpty()) {
        continue;
      }
      List<String> reasons = new ArrayList<>(holds.get());
      switch (rule.action()) {
        case DISQUALIFY -> {
          return new AgentDecision(facts.leadId(), AgentDecision.Outcome.DISQUALIFY, rule.name(), rule.reason(), reasons);
        }
        case MARK_READY -> {
          if (!facts.readyMarked()) {
            return new AgentDecision(facts.leadId(), AgentDecision.Outcome.MARK_READY, rule.name(), null, reasons);
          }
        }
        case QUALIFY -> {
          if (policy.qualifyOptIn() && Boolean.TRUE.equals(facts.requiredMet())) {
            if (!reasons.contains("every required criterion is met")) {
              reasons.add("every required criterion is met");
            }
            return new AgentDecision(facts.leadId(), AgentDecision.Outcome.QUALIFY, rule.name(), null, reasons);
          }
        }
      }
    }
    return AgentDecision.none(facts.leadId(), "no rule applies");
  }

  private static AgentDecision held(AgentDecision wouldAct, String why) {
    return new AgentDecision(wouldAct.leadId(), AgentDecision.Outcome.SKIPPED, wouldAct.rule(), null, List.of(why));
  }
}
