package org.leadflow.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.leadflow.messaging.deadletter.DeadLetterState;

/**
 * What an on-call person reads of the service's messaging, measured in its database every {@code
 * leadflow.metrics.refresh-interval} (15s):
 *
 * <ul>
 *   <li>{@code leadflow_outbox_backlog}: events written and not yet published (the relay is behind,
 *       stopped, or Kafka refuses them);
 *   <li>{@code leadflow_outbox_oldest_unpublished_age_seconds}: how long the oldest of them has
 *       waited (0 when there is none);
 *   <li>{@code leadflow_dead_letters{state}}: the dead letters recorded, by state ({@code
 *       dead-lettered} waits for an admin).
 * </ul>
 *
 * Both queries read only small indexes (the outbox's partial index of unpublished rows) or a table
 * that holds only failures. The counters of events as they happen are beside the code that counts
 * them: {@code leadflow_outbox_published_total}, {@code leadflow_events_consumed_total}, {@code
 * leadflow_events_retried_total}, {@code leadflow_events_dead_lettered_total}.
 */
@ApplicationScoped
public class MessagingMetrics {

  private static final Logger LOG = Logger.getLogger(MessagingMetrics.class);

  private final AtomicLong backlog = new AtomicLong();
  private final AtomicReference<Double> oldestAgeSeconds = new AtomicReference<>(0.0);
  private final Map<DeadLetterState, AtomicLong> deadLetters = new EnumMap<>(DeadLetterState.class);

  @Inject Pool pool;

  @Inject
  void register(MeterRegistry registry) {
    Gauge.builder("leadflow.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox events not yet published to Kafka")
        .register(registry);
    Gauge.builder("leadflow.outbox.oldest.unpublished.age", oldestAgeSeconds, AtomicReference::get)
        .description("How long the oldest unpublished outbox event has waited (0 when none)")
        .baseUnit("seconds")
        .register(registry);
    for (DeadLetterState state : DeadLetterState.values()) {
      AtomicLong count = new AtomicLong();
      deadLetters.put(state, count);
      Gauge.builder("leadflow.dead.letters", count, AtomicLong::get)
          .description("Dead letters recorded in the service's database, by state")
          .tag("state", state.label())
          .register(registry);
    }
  }

  @Scheduled(
      every = "${leadflow.metrics.refresh-interval:15s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> scheduledRefresh() {
    return refresh().onFailure().recoverWithUni(failure -> {
      LOG.debugf("Messaging metrics not refreshed: %s", failure.toString());
      return Uni.createFrom().voidItem();
    });
  }

  /** Measures now. */
  public Uni<Void> refresh() {
    Uni<Void> outbox =
        pool.query(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float8"
                    + " FROM outbox_event WHERE published_at IS NULL")
            .execute()
            .invoke(rows -> {
              Row row = rows.iterator().next();
              backlog.set(row.getLong(0));
              oldestAgeSeconds.set(Math.max(0.0, row.getDouble(1)));
            })
            .replaceWithVoid();
    Uni<Void> letters =
        pool.query("SELECT state, count(*) FROM dead_letter GROUP BY state")
            .execute()
            .invoke(rows -> {
              Map<String, Long> counts = new HashMap<>();
              rows.forEach(row -> counts.put(row.getString(0), row.getLong(1)));
              deadLetters.forEach((state, count) -> count.set(counts.getOrDefault(state.name(), 0L)));
            })
            .replaceWithVoid();
    return Uni.combine().all().unis(outbox, letters).discardItems();
  }
}
