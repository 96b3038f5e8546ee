package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.AgentConfig;
import org.leadflow.lead.domain.TimeOrderedIds;
import org.leadflow.lead.domain.agent.AgentDecision;
import org.leadflow.lead.domain.agent.AgentFacts;
import org.leadflow.lead.domain.agent.AgentPolicy;
import org.leadflow.lead.domain.agent.AgentRun;
import org.leadflow.lead.domain.agent.QualificationAgent;
import org.leadflow.lead.persistence.AgentLeadFacts;
import org.leadflow.lead.persistence.AgentRunQueue;
import org.leadflow.lead.service.LeadNotFoundException;
import org.leadflow.web.security.Caller;

/**
 * The qualification agent's runs and evaluations (docs/agent-and-worklist.md). A run is queued (on
 * demand, or by {@link AgentSchedule}) and worked in the background by whichever instance claims it:
 * batch after batch of Open leads, one transaction each, every lead locked by its batch ({@link
 * AgentLeadFacts}), so that no request waits for a run and two instances never act on one lead at once.
 * One lead is evaluated on its own by {@link #evaluate}, e.g. after its score changed.
 */
@ApplicationScoped
public class AgentRuns {

  private static final Logger LOG = Logger.getLogger(AgentRuns.class);

  @Inject Commands commands;
  @Inject AgentPolicies policies;
  @Inject PolicyVersionsInForce qualificationPolicies;
  @Inject AgentRunQueue queue;
  @Inject AgentLeadFacts facts;
  @Inject AgentActing acting;
  @Inject LeadChanges changes;
  @Inject AgentConfig config;

  /** A run asked for by a person: a dry run always; a real one only while the policy's mode is on. */
  public Uni<AgentRun> request(boolean dryRun, Caller caller) {
    UUID id = TimeOrderedIds.next();
    return commands
        .run(
            (Boolean ignored) ->
                policies.inForce().chain(policy -> {
                  if (!dryRun && policy.policy().mode() != AgentPolicy.Mode.ON) {
                    throw new AgentOffException(policy.policy().mode());
                  }
                  return queue.enqueue(id, AgentRun.Trigger.DEMAND, dryRun, caller.id(), caller.name(), changes.now());
                }),
            dryRun)
        .chain(() -> find(id));
  }

  /** Queues the schedule's run, unless the policy is off or a scheduled run is queued or running already. */
  Uni<Boolean> schedule() {
    return commands.run(
        (Boolean ignored) ->
            policies.inForce().chain(policy -> policy.policy().mode() == AgentPolicy.Mode.OFF
                ? Uni.createFrom().item(false)
                : queue.enqueue(
                    TimeOrderedIds.next(),
                    AgentRun.Trigger.SCHEDULE,
                    policy.policy().mode() == AgentPolicy.Mode.DRY_RUN,
                    QualificationAgent.ACTOR.id(),
                    QualificationAgent.ACTOR.name(),
                    changes.now())),
        true);
  }

  public Uni<AgentRun> find(UUID id) {
    return Panache.withSession(() -> queue.find(id)).map(found -> found.orElseThrow(() -> new AgentRunNotFoundException(id)));
  }

  /** A page of runs, newest first (without their decisions), and how many there are. */
  public Uni<Page> page(int page, int size) {
    return Panache.withSession(() -> queue.page(page, size).chain(items -> queue.count().map(total -> new Page(items, page, size, total))));
  }

  public record Page(List<AgentRun> items, int page, int size, long total) {}

  /**
   * Re-evaluates one lead now, in a transaction of its own, by the policy in force: acts while the mode
   * is on, otherwise only answers what it would do. For the scoring consumer after a lead's score
   * changed; a lead that does not exist is {@link LeadNotFoundException}.
   */
  public Uni<AgentDecision> evaluate(UUID leadId) {
    return commands.run(this::evaluateInTransaction, leadId);
  }

  /**
   * After a lead was scored, in the scoring consumer's transaction: {@link #evaluateInTransaction}
   * when the agent's mode is on; nothing otherwise (off or dry-run, nothing it decided would be done).
   */
  public Uni<Void> afterScoreChange(UUID leadId) {
    return policies.inForce().chain(agent -> agent.policy().mode() == AgentPolicy.Mode.ON
        ? evaluateInTransaction(leadId).replaceWithVoid()
        : Uni.createFrom().voidItem());
  }

  /** {@link #evaluate} within the caller's transaction (a consumer's inbox transaction). */
  public Uni<AgentDecision> evaluateInTransaction(UUID leadId) {
    return context(null, false).chain(context -> facts.lock(leadId).chain(found -> acting.decideAndAct(
        found.orElseThrow(() -> new LeadNotFoundException(leadId)), context)));
  }

  /** Works every queued run this instance can claim, one after the other: how many it worked. */
  public Uni<Integer> workQueued() {
    return commands.run((Boolean ignored) -> queue.claimNext(changes.now(), holdUntil()), true).chain(claimed -> claimed.isEmpty()
        ? Uni.createFrom().item(0)
        : work(claimed.get()).chain(() -> workQueued()).map(count -> count + 1));
  }

  private Uni<Void> work(AgentRunQueue.Claimed run) {
    return nextBatch(run.id(), run.dryRun(), run.afterLead())
        .chain(() -> commands.run((Boolean ignored) -> queue.finish(run.id(), AgentRun.Status.COMPLETED, null, changes.now()), true))
        .onFailure()
        .call(failure -> {
          LOG.warnf(failure, "Agent run %s failed", run.id());
          return commands.run((Boolean ignored) -> queue.finish(run.id(), AgentRun.Status.FAILED, failure.toString(), changes.now()), true);
        })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> nextBatch(UUID runId, boolean dryRun, UUID after) {
    return commands.run((Boolean ignored) -> batch(runId, dryRun, after), true).chain(done -> done.isEmpty()
        ? Uni.createFrom().voidItem()
        : nextBatch(runId, dryRun, done.get()));
  }

  /** One batch in the current transaction: the last lead it claimed, or empty when there were no more (or the run is no longer ours). */
  private Uni<Optional<UUID>> batch(UUID runId, boolean dryRun, UUID after) {
    Instant now = changes.now();
    return queue.hold(runId, now, holdUntil()).chain(ours -> !ours
        ? Uni.createFrom().item(Optional.<UUID>empty())
        : context(runId, dryRun).chain(context -> facts.claimOpen(after, config.batchSize()).chain(claimed -> decideEach(claimed, context).chain(decisions -> {
          if (claimed.isEmpty()) {
            return Uni.createFrom().item(Optional.<UUID>empty());
          }
          int acted = (int) decisions.stream().filter(AgentDecision::acts).count();
          int skipped = (int) decisions.stream().filter(d -> d.outcome() == AgentDecision.Outcome.SKIPPED).count();
          List<AgentDecision> reported = decisions.stream().filter(d -> d.outcome() != AgentDecision.Outcome.NONE).toList();
          UUID last = claimed.get(claimed.size() - 1).leadId();
          return queue
              .progress(runId, context.agent().version(), last, claimed.size(), acted, skipped, reported, config.reportLimit())
              .replaceWith(claimed.size() < config.batchSize() ? Optional.<UUID>empty() : Optional.of(last));
        }))));
  }

  private Uni<List<AgentDecision>> decideEach(List<AgentFacts> leads, AgentActing.Context context) {
    List<AgentDecision> decisions = new ArrayList<>();
    Uni<Void> done = Uni.createFrom().voidItem();
    for (AgentFacts lead : leads) {
      done = done.chain(() -> acting.decideAndAct(lead, context)).invoke(decisions::add).replaceWithVoid();
    }
    return done.replaceWith(decisions);
  }

  private Uni<AgentActing.Context> context(UUID runId, boolean dryRun) {
    Instant now = changes.now();
    return policies
        .inForce()
        .chain(agent -> qualificationPolicies
            .currentOrStart(now)
            .map(qualification -> new AgentActing.Context(agent, qualification, runId, AgentActing.acts(agent.policy(), dryRun), now)));
  }

  private Instant holdUntil() {
    return changes.now().plus(config.claim());
  }

  /** A real run was asked for while the policy does not let the agent act. */
  public static class AgentOffException extends RuntimeException {
    public AgentOffException(AgentPolicy.Mode mode) {
      super("The agent's policy is " + mode.label() + ": only a dry run can be asked for until an admin sets its mode to on");
    }
  }

  public static class AgentRunNotFoundException extends RuntimeException {
    public AgentRunNotFoundException(UUID id) {
      super("No agent run " + id);
    }
  }
}
