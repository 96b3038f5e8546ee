package org.leadflow.lead.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.NurtureConfig;

/**
 * Every {@code leadflow.nurture.interval}, reactivates the leads whose nurture date has come ({@link
 * ReactivateNurturedLeads}), batch after batch of {@code leadflow.nurture.batch-size} (one transaction
 * each) until none is due. A run still going when the next is due is not doubled; other instances run
 * at the same time and take other leads.
 */
@ApplicationScoped
public class NurtureSchedule {

  private static final Logger LOG = Logger.getLogger(NurtureSchedule.class);

  @Inject Commands commands;
  @Inject ReactivateNurturedLeads reactivate;
  @Inject NurtureConfig config;
  @Inject Clock clock;

  @Scheduled(every = "${leadflow.nurture.interval:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return reactivateDue()
        .onFailure()
        .invoke(failure -> LOG.warn("Reactivating the leads whose nurture ended failed; the next run tries again", failure))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Reactivates every due lead: the number claimed. */
  public Uni<Integer> reactivateDue() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return nextBatch(today, 0);
  }

  private Uni<Integer> nextBatch(LocalDate today, int before) {
    return commands
        .run(reactivate, new ReactivateNurturedLeads.Command(today, config.batchSize()))
        .chain(claimed -> claimed < config.batchSize() ? Uni.createFrom().item(before + claimed) : nextBatch(today, before + claimed));
  }
}
