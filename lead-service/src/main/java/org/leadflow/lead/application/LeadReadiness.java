package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.ReadinessConfig;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.policy.MeasuredReadiness;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.persistence.LeadReadinessRows;
import org.leadflow.lead.persistence.LeadRepository;

/**
 * The readiness kept on each lead, so that the list can be filtered and sorted by it. A lead is
 * measured when it is created or edited, in that transaction, by the policy version in force; the
 * refresher measures again, in batches, every lead measured by an older version (after an admin's
 * change) or never measured (leads from before readiness was kept). Several instances share the work: each batch locks its leads and skips those
 * locked by another.
 */
@ApplicationScoped
public class LeadReadiness {

  private static final Logger LOG = Logger.getLogger(LeadReadiness.class);

  @Inject PolicyVersionsInForce policies;
  @Inject LeadRepository leads;
  @Inject LeadReadinessRows rows;
  @Inject ReadinessConfig config;
  @Inject Clock clock;

  /** Measures {@code lead} in the current transaction (a change of it that is being recorded). */
  Uni<Void> measure(Lead lead, Instant now) {
    return policies
        .currentOrStart(now)
        .invoke(policy -> lead.measured(MeasuredReadiness.of(policy.evaluate(lead.details(), lead.qualification()))))
        .replaceWithVoid();
  }

  /** Measures new leads in the current transaction, by the policy in force read once. */
  Uni<Void> measureAll(List<Lead> leads, Instant now) {
    return policies
        .currentOrStart(now)
        .invoke(policy -> leads.forEach(lead -> lead.measured(MeasuredReadiness.of(policy.evaluate(lead.details(), lead.qualification())))))
        .replaceWithVoid();
  }

  @Scheduled(
      every = "${leadflow.readiness.refresh.interval:5s}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> refresh() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return refreshBatches(config.batchesPerRun())
        .onFailure()
        .invoke(failure -> LOG.warnf(failure, "Measuring leads by the qualification policy in force failed; the next run tries again"))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** Measures stale leads again, a batch per transaction, until none is left or {@code batches} ran: how many were measured. */
  public Uni<Integer> refreshBatches(int batches) {
    return Panache.withTransaction(this::refreshBatch)
        .chain(measured -> measured < config.batchSize() || batches <= 1
            ? Uni.createFrom().item(measured)
            : refreshBatches(batches - 1).map(more -> measured + more));
  }

  private Uni<Integer> refreshBatch() {
    return policies
        .currentOrStart(clock.instant())
        .chain(policy -> rows.lockStale(policy.version(), config.batchSize())
            .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : measureAgain(policy, ids)));
  }

  private Uni<Integer> measureAgain(PublishedPolicy policy, List<UUID> ids) {
    return leads
        .list("id in ?1", ids)
        .chain(found -> {
          Map<UUID, MeasuredReadiness> measured = new LinkedHashMap<>();
          for (Lead lead : found) {
            measured.put(lead.id(), MeasuredReadiness.of(policy.evaluate(lead.details(), lead.qualification())));
          }
          return rows.store(measured);
        });
  }
}
