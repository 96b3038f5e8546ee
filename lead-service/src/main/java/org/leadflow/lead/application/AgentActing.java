package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.AgentActions;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.agent.AgentAction;
import org.leadflow.lead.domain.agent.AgentDecision;
import org.leadflow.lead.domain.agent.AgentFacts;
import org.leadflow.lead.domain.agent.AgentPolicy;
import org.leadflow.lead.domain.agent.PublishedAgentPolicy;
import org.leadflow.lead.domain.agent.QualificationAgent;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.persistence.AgentActionLog;
import org.leadflow.lead.persistence.LeadRepository;

/**
 * Decides about a lead whose facts were read (and the lead locked) in the current transaction and, unless
 * only reporting, carries the decision out through the lead's usual paths: the disqualification and the
 * qualify (with its conversion) of a person's, recorded with history and events by {@link LeadChanges},
 * the action and the lead's status before it in {@code lead_agent_action}, for its undoing.
 */
@ApplicationScoped
class AgentActing {

  @Inject LeadRepository leads;
  @Inject LeadChanges changes;
  @Inject QualifyLead qualify;
  @Inject AgentActionLog actions;

  /** What a batch or a single evaluation decides by: both policies in force, and whether it only reports. */
  record Context(PublishedAgentPolicy agent, PublishedPolicy qualification, UUID runId, boolean act, Instant now) {}

  Uni<AgentDecision> decideAndAct(AgentFacts facts, Context context) {
    AgentDecision decision = checked(QualificationAgent.decide(context.agent().policy(), facts, context.now()), facts, context);
    if (!decision.acts() || !context.act()) {
      return Uni.createFrom().item(decision);
    }
    int version = context.agent().version();
    return leads.findById(facts.leadId()).chain(lead -> {
      if (decision.outcome() == AgentDecision.Outcome.QUALIFY
          && !context.qualification().evaluate(lead.details(), lead.qualification()).requiredMet()) {
        return Uni.createFrom().item(skipped(decision, "a required criterion of the qualification policy in force is not met"));
      }
      if (decision.outcome() == AgentDecision.Outcome.QUALIFY) {
        // Checked before anything is written: a conversion opportunity-service would refuse (the lead's
        // own data) is left to a person, rather than failing the whole batch again at every run.
        try {
          ConversionPlan.forLead(ConversionRequest.DEFAULTS, lead);
        } catch (RuntimeException refused) {
          return Uni.createFrom().item(skipped(decision, "its conversion cannot be planned: " + refused.getMessage()));
        }
      }
      StatusReason before = lead.statusReason();
      Instant now = changes.now();
      Uni<?> done =
          switch (decision.outcome()) {
            case DISQUALIFY -> changes.record(lead, AgentActions.disqualify(lead, decision, version, now));
            case MARK_READY -> changes.record(lead, AgentActions.markReady(lead, decision, version, now));
            case QUALIFY -> changes
                .record(lead, List.of(AgentActions.qualifying(lead, decision, version, now)))
                .chain(() -> qualify.byAgent(lead, context.qualification(), QualificationAgent.ACTOR));
            default -> throw new IllegalStateException("Not an action: " + decision.outcome());
          };
      return done
          .chain(() -> actions.record(lead.id(), context.runId(), action(decision), decision, version, before, now))
          .replaceWith(decision);
    });
  }

  /**
   * The decision, unless the qualification policy would refuse it: a Cannot Contact disqualification
   * before the policy's minimum of attempts, or a qualify its gate would not pass (the readiness kept on
   * the lead may be older than the policy in force). Such a decision becomes a skip that says why.
   */
  private static AgentDecision checked(AgentDecision decision, AgentFacts facts, Context context) {
    if (decision.outcome() == AgentDecision.Outcome.DISQUALIFY && decision.reason() == StatusReason.CANNOT_CONTACT) {
      CannotContactPolicy cannotContact = context.qualification().policy().cannotContact();
      Integer minimum = cannotContact.minimumAttemptsBeforeDisqualifying();
      if (minimum != null && facts.attempts() < minimum) {
        return skipped(decision, "Cannot Contact needs " + minimum + " outreach attempts by the qualification policy; the lead had " + facts.attempts());
      }
    }
    return decision;
  }

  private static AgentDecision skipped(AgentDecision decision, String why) {
    return new AgentDecision(decision.leadId(), AgentDecision.Outcome.SKIPPED, decision.rule(), null, List.of(why));
  }

  private static AgentAction action(AgentDecision decision) {
    return switch (decision.outcome()) {
      case DISQUALIFY -> AgentAction.DISQUALIFY;
      case MARK_READY -> AgentAction.MARK_READY;
      case QUALIFY -> AgentAction.QUALIFY;
      default -> throw new IllegalStateException("Not an action: " + decision.outcome());
    };
  }

  /** Whether a run or an evaluation with this policy changes leads (else it reports what it would do). */
  static boolean acts(AgentPolicy policy, boolean dryRun) {
    return !dryRun && policy.mode() == AgentPolicy.Mode.ON;
  }
}
