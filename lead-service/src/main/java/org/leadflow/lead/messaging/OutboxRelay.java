package org.leadflow.lead.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.lead.config.OutboxConfig;

/**
 * Publishes outbox rows to {@code lead-events}, keyed by lead id, with CloudEvents headers.
 *
 * <p>Woken by PostgreSQL {@code NOTIFY} when a transaction that wrote events commits, and by a
 * slow poll as a fallback. One relay at a time holds a transaction-scoped advisory lock, so several
 * service instances never publish one lead's events out of order; rows are marked published only
 * after Kafka acknowledged them (at-least-once: consumers deduplicate by {@code ce_id}).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final String CHANNEL = "outbox_event";
  /** Arbitrary constant naming the lead-service relay's advisory lock. */
  private static final long RELAY_LOCK = 0x1EAD_0B0AL;

  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject OutboxConfig config;

  @Inject
  @Channel(EventTopics.LEAD_EVENTS)
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
  MutinyEmitter<String> emitter;

  @ConfigProperty(name = "quarkus.datasource.reactive.url")
  String databaseUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String databaseUser;

  @ConfigProperty(name = "quarkus.datasource.password")
  String databasePassword;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
  private final Counter published;
  private PgSubscriber subscriber;
  private long pollTimer = -1;
  private long cleanupTimer = -1;
  private volatile boolean stopped;

  @Inject
  OutboxRelay(MeterRegistry registry) {
    this.published =
        Counter.builder("leadflow.outbox.published")
            .description("Outbox events published to Kafka")
            .register(registry);
  }

  void start(@Observes StartupEvent startup) {
    PgConnectOptions options =
        PgConnectOptions.fromUri(databaseUrl).setUser(databaseUser).setPassword(databasePassword);
    subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1_000L);
    subscriber.channel(CHANNEL).handler(notification -> wake());
    // After a (re)connect, notifications sent while disconnected are lost: catch up once.
    subscriber.connect().subscribe().with(connected -> wake(), this::logConnectFailure);
    pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wake());
    cleanupTimer = vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), tick -> deletePublished());
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(cleanupTimer);
    if (subscriber != null) {
      subscriber.closeAndForget();
    }
  }

  /** Publishes everything pending; a call while a drain runs makes that drain go round once more. */
  public void wake() {
    if (stopped) {
      return;
    }
    if (!draining.compareAndSet(false, true)) {
      wokenWhileDraining.set(true);
      return;
    }
    drain();
  }

  private void drain() {
    wokenWhileDraining.set(false);
    publishBatch()
        .subscribe()
        .with(
            count -> {
              if (!stopped && (count == config.batchSize() || wokenWhileDraining.get())) {
                drain();
              } else {
                finishDrain();
              }
            },
            failure -> {
              LOG.warnf("Outbox relay failed, will retry on the next wake-up: %s", failure.toString());
              finishDrain();
            });
  }

  private void finishDrain() {
    draining.set(false);
    // A wake-up that arrived between the last batch and this line must not be lost.
    if (wokenWhileDraining.get() && !stopped) {
      wake();
    }
  }

  /** Publishes one batch in one transaction; answers how many events it published. */
  Uni<Integer> publishBatch() {
    return pool.withTransaction(
        connection ->
            connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)")
                .execute(Tuple.of(RELAY_LOCK))
                .chain(
                    lock ->
                        lock.iterator().next().getBoolean(0)
                            ? publishPending(connection)
                            : Uni.createFrom().item(0)));
  }

  private Uni<Integer> publishPending(SqlConnection connection) {
    return connection
        .preparedQuery(
            "SELECT position, id, aggregate_id, type, occurred_at, payload::text"
                + " FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT $1")
        .execute(Tuple.of(config.batchSize()))
        .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : send(connection, rows));
  }

  private Uni<Integer> send(SqlConnection connection, RowSet<Row> rows) {
    List<Uni<Void>> acknowledgements = new ArrayList<>(rows.size());
    List<Long> positions = new ArrayList<>(rows.size());
    for (Row row : rows) {
      positions.add(row.getLong("position"));
      acknowledgements.add(emitter.sendMessage(toMessage(row)));
    }
    // Subscribing sends: Uni.join subscribes in list order, which is the outbox's commit order.
    return Uni.join()
        .all(acknowledgements)
        .andFailFast()
        .chain(
            acked ->
                connection
                    .preparedQuery(
                        "UPDATE outbox_event SET published_at = now() WHERE position = ANY($1)")
                    .execute(Tuple.of(positions.toArray(Long[]::new))))
        .invoke(updated -> published.increment(positions.size()))
        .replaceWith(positions.size());
  }

  private static Message<String> toMessage(Row row) {
    String eventId = row.getUUID("id").toString();
    String aggregateId = row.getUUID("aggregate_id").toString();
    OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.ID, eventId);
    header(headers, CloudEventHeaders.TYPE, row.getString("type"));
    header(headers, CloudEventHeaders.SOURCE, LeadEventTypes.SOURCE);
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(
        headers,
        CloudEventHeaders.TIME,
        DateTimeFormatter.ISO_INSTANT.format(occurredAt.withOffsetSameInstant(ZoneOffset.UTC)));
    header(headers, CloudEventHeaders.SUBJECT, aggregateId);
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(EventTopics.LEAD_EVENTS)
            .withKey(aggregateId)
            .withHeaders(headers)
            .build();
    return Message.of(row.getString("payload")).addMetadata(metadata);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private void deletePublished() {
    pool.preparedQuery(
            "DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)")
        .execute(Tuple.of((double) config.retention().toSeconds()))
        .subscribe()
        .with(
            deleted -> LOG.debugf("Deleted %d published outbox events", deleted.rowCount()),
            failure -> LOG.warnf("Could not delete published outbox events: %s", failure.toString()));
  }

  private void logConnectFailure(Throwable failure) {
    LOG.warnf(
        "Outbox relay could not LISTEN (%s); it falls back to polling every %s",
        failure.toString(), config.pollInterval());
  }
}
