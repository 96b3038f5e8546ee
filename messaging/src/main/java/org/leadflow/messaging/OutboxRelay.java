package org.leadflow.messaging;

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

/**
 * Publishes outbox rows to the service's topic, keyed by aggregate id, with CloudEvents headers.
 *
 * <p>Woken by PostgreSQL {@code NOTIFY} when a transaction that wrote events commits, and by a
 * slow poll as a fallback. One relay at a time holds a transaction-scoped advisory lock, so several
 * service instances never publish one aggregate's events out of order; rows are marked published only
 * after Kafka acknowledged them (at-least-once: consumers deduplicate by {@code ce_id}).
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  /** The PostgreSQL NOTIFY channel the outbox table's trigger signals on commit. */
  private static final String NOTIFY_CHANNEL = "outbox_event";
  /** The channel every service's outbox relay sends through (its topic is set per record). */
  public static final String CHANNEL_NAME = "outbox";


  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject OutboxConfig config;

  @Inject
  @Channel(CHANNEL_NAME)
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
    subscriber.channel(NOTIFY_CHANNEL).handler(notification -> wake());
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
                .execute(Tuple.of(relayLock()))
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

  private Message<String> toMessage(Row row) {
    String eventId = row.getUUID("id").toString();
    String aggregateId = row.getUUID("aggregate_id").toString();
    OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
    RecordHeaders headers = new RecordHeaders();
    header(headers, CloudEventHeaders.ID, eventId);
    header(headers, CloudEventHeaders.TYPE, row.getString("type"));
    header(headers, CloudEventHeaders.SOURCE, config.source());
    header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
    header(
        headers,
        CloudEventHeaders.TIME,
        DateTimeFormatter.ISO_INSTANT.format(occurredAt.withOffsetSameInstant(ZoneOffset.UTC)));
    header(headers, CloudEventHeaders.SUBJECT, aggregateId);
    header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(config.topic())
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

  /**
   * The advisory lock that lets one relay of a service publish at a time. Derived from the source,
   * so that two services sharing a database server (as in the local run) never wait on each other.
   */
  private long relayLock() {
    return 0x0B0A_0000_0000_0000L | (config.source().hashCode() & 0xFFFF_FFFFL);
  }

  private void logConnectFailure(Throwable failure) {
    LOG.warnf(
        "Outbox relay could not LISTEN (%s); it falls back to polling every %s",
        failure.toString(), config.pollInterval());
  }
}
