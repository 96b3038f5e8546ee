package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import org.leadflow.lead.config.EnrichmentConfig;
import org.leadflow.lead.persistence.LeadEnrichments;
import org.leadflow.messaging.ConsumerFailures;

/**
 * Every {@code leadflow.enrichment.provider.retry-interval}: enriches again the leads whose company
 * data lookup is due (a failed lookup after its backoff, or a re-run asked for), up to {@code
 * retry-batch-size} per run. Each is claimed first ({@code SKIP LOCKED}, its due time pushed past the
 * provider's timeouts), so that instances share the work and a lead that fails again waits for its
 * next backoff.
 */
@ApplicationScoped
public class EnrichmentRetrySchedule {

  private static final Logger LOG = Logger.getLogger(EnrichmentRetrySchedule.class);

  @Inject LeadEnrichments enrichments;
  @Inject EnrichLead enrich;
  @Inject EnrichmentConfig config;
  @Inject LeadChanges changes;

  @Scheduled(every = "${leadflow.enrichment.provider.retry-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> run() {
    Executor context = ConsumerFailures.messageContext();
    EnrichmentConfig.Provider provider = config.provider();
    Instant now = changes.now();
    Instant lease = now.plus(provider.timeout().plus(provider.retryDelay()).multipliedBy(provider.retries() + 1L)).plusSeconds(60);
    return Panache.withTransaction(() -> enrichments.claimDue(now, lease, provider.retryBatchSize()))
        .onItem()
        .transformToMulti(ids -> Multi.createFrom().iterable(ids))
        .onItem()
        .transformToUniAndConcatenate(leadId -> retry(leadId, context))
        .collect()
        .last()
        .onFailure()
        .invoke(failure -> LOG.warn("Enriching the leads whose lookup is due failed; the next run tries again", failure))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Boolean> retry(UUID leadId, Executor context) {
    return enrich.lookUp(leadId, true, context).chain(lookup -> Panache.withTransaction(() -> enrich.apply(leadId, lookup, false)));
  }
}
