package org.leadflow.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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
import io.smallrye.common.vertx.VertxContext;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.leadflow.contracts.CloudEventHeaders;

/**
 * Publishes outbox rows to the service's topic, keyed by aggregate id, with CloudEvents headers.
 *
 * <p>Woken in-process once the transaction that appended an event has committed: {@link Outbox}
 * marks the Vert.x context of the request or consumed event that appends, and {@link
 * OutboxWakeUp} (after a REST response) or {@link ConsumerTracing#traced} (after a consumed event)
 * calls {@link #wakeIfAppended}. For everything else (another instance's commits, scheduled
 * jobs, a wake-up lost in a crash) it also looks for unpublished rows every {@code
 * leadflow.outbox.poll-interval} (100 ms) with one cheap query on the partial index of unpublished
 * rows, and publishes in batches when there are any. It
 * used to be woken by a {@code NOTIFY} from a trigger on the outbox table instead, but PostgreSQL
 * serializes the commits of all transactions that notify (a global lock held through the commit's
 * WAL flush), which held every write of the service to about 850 commits/s where the same
 * transactions without it make 3,600/s (docs/benchmarks.md). One relay at a time holds a
 * transaction-scoped advisory lock, so several
 * service instances never publish one aggregate's events out of order; rows are marked published only
 * after Kafka acknowledged them (at-least-once: consumers deduplicate by {@code ce_id}).
 *
 * <p>Each record continues the trace of the transaction that wrote its row: a {@code <topic>
 * publish} span, child of the row's {@link TraceContext}, lasts until Kafka acknowledges the record,
 * and its context is the record's {@code traceparent} (and {@code tracestate}) header. The
 * connector's own tracing of the channel is off (META-INF/microprofile-config.properties): it would
 * start a new trace, the relay running outside any request.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  /** The channel every service's outbox relay sends through (its topic is set per record). */
  public static final String CHANNEL_NAME = "outbox";


  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject OutboxConfig config;
  @Inject Tracer tracer;

  @Inject
  @Channel(CHANNEL_NAME)
  @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
  MutinyEmitter<String> emitter;

  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();
  private final AtomicBoolean looking = new AtomicBoolean();
  private final Counter published;
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
    pollTimer = vertx.setPeriodic(config.pollInterval().toMillis(), tick -> wakeIfPending());
    cleanupTimer = vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), tick -> deletePublished());
    wake(); // what an earlier run left unpublished
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    vertx.cancelTimer(cleanupTimer);
  }

  /**
   * The poll: while a drain runs, it goes round once more; otherwise a batch transaction starts only
   * when a single-statement look at the partial index finds an unpublished row, so an idle service
   * pays one index probe per interval.
   */
  private void wakeIfPending() {
    if (stopped) {
      return;
    }
    if (draining.get()) {
      wake();
      return;
    }
    if (!looking.compareAndSet(false, true)) {
      return; // the last look has not answered yet
    }
    pool.query("SELECT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL)")
        .execute()
        .subscribe()
        .with(
            rows -> {
              looking.set(false);
              if (rows.iterator().next().getBoolean(0)) {
                wake();
              }
            },
            failure -> {
              looking.set(false);
              LOG.debugf("Outbox relay could not look for events: %s", failure.toString());
            });
  }

  /** The local of a Vert.x context on which an event was appended to the outbox. */
  static final String APPENDED = "leadflow.outbox.appended";

  /** Marks {@code context} (a request's or a consumed event's) as one that appended an event. */
  static void appendedOn(io.vertx.core.Context context) {
    if (context != null && VertxContext.isDuplicatedContext(context)) {
      context.putLocal(APPENDED, Boolean.TRUE);
    }
  }

  /**
   * Wakes the relay if an event was appended on {@code context}, to be called once the work done on
   * it has committed (or failed: a rolled-back append costs one look at the outbox).
   */
  public void wakeIfAppended(io.vertx.core.Context context) {
    if (context != null && context.removeLocal(APPENDED)) {
      wake();
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
            "SELECT position, id, aggregate_id, type, occurred_at, payload::text, trace_parent, trace_state"
                + " FROM outbox_event WHERE published_at IS NULL ORDER BY position LIMIT $1")
        .execute(Tuple.of(config.batchSize()))
        .chain(rows -> rows.size() == 0 ? Uni.createFrom().item(0) : send(connection, rows));
  }

  private Uni<Integer> send(SqlConnection connection, RowSet<Row> rows) {
    List<Uni<Void>> acknowledgements = new ArrayList<>(rows.size());
    List<Long> positions = new ArrayList<>(rows.size());
    for (Row row : rows) {
      positions.add(row.getLong("position"));
      Span span = publishSpan(row);
      acknowledgements.add(
          emitter
              .sendMessage(toMessage(row, span))
              .onTermination()
              .invoke((acked, failure, cancelled) -> end(span, failure)));
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

  /** The span of one record's publication, in the trace of the transaction that wrote its row. */
  private Span publishSpan(Row row) {
    Context parent = new TraceContext(row.getString("trace_parent"), row.getString("trace_state")).asParent();
    return tracer
        .spanBuilder(config.topic() + " publish")
        .setParent(parent)
        .setSpanKind(SpanKind.PRODUCER)
        .setAttribute("messaging.system", "kafka")
        .setAttribute("messaging.operation.type", "send")
        .setAttribute("messaging.destination.name", config.topic())
        .setAttribute("messaging.message.id", row.getUUID("id").toString())
        .setAttribute("messaging.kafka.message.key", row.getUUID("aggregate_id").toString())
        .setAttribute("cloudevents.event_type", row.getString("type"))
        .startSpan();
  }

  private static void end(Span span, Throwable failure) {
    if (failure != null) {
      span.recordException(failure);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  private Message<String> toMessage(Row row, Span span) {
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
    header(headers, CloudEventHeaders.DATA_SCHEMA, CloudEventHeaders.dataSchema(row.getString("type")));
    TraceContext.of(Context.root().with(span)).writeTo(headers);
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

  /** The advisory lock that lets one relay of a service publish at a time ({@link RelayLock}). */
  long relayLock() {
    return RelayLock.of(config.source());
  }
}
