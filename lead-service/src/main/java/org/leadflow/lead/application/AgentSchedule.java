package org.leadflow.lead.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.AgentConfig;

/**
 * The qualification agent's two clocks: every {@code leadflow.agent.interval} a run over every Open lead
 * is queued (while {@code leadflow.agent.schedule-enabled} and the policy's mode is not off; a dry run
 * in mode dry-run), and every {@code leadflow.agent.poll-interval} this instance works the queued runs
 * it can claim ({@link AgentRuns}). Neither runs on a request's thread; a run still going when the next
 * poll is due is not doubled.
 */
@ApplicationScoped
public class AgentSchedule {

  private static final Logger LOG = Logger.getLogger(AgentSchedule.class);

  @Inject AgentRuns runs;
  @Inject AgentConfig config;

  @Scheduled(every = "${leadflow.agent.interval:1h}", delayed = "${leadflow.agent.interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> queueRun() {
    if (!config.scheduleEnabled()) {
      return Uni.createFrom().voidItem();
    }
    return runs.schedule().onFailure().invoke(failure -> LOG.warn("Queueing the agent's scheduled run failed; the next tick tries again", failure))
        .onFailure().recoverWithNull().replaceWithVoid();
  }

  @Scheduled(every = "${leadflow.agent.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> workRuns() {
    return runs.workQueued().onFailure().invoke(failure -> LOG.warn("Working the agent's runs failed; the next poll tries again", failure))
        .onFailure().recoverWithNull().replaceWithVoid();
  }

  /** For tests that enable the schedule: queue the scheduled run now. */
  public Uni<Boolean> queueNow() {
    return runs.schedule();
  }
}
