package org.leadflow.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.leadflow.contracts.CloudEventHeaders;

/**
 * How both services' consumers treat a failed attempt at an event. Failures are of two kinds:
 *
 * <ul>
 *   <li>{@link UnprocessableEventException}: the message itself is wrong; no retry changes it. The
 *       consumer's Uni fails, SmallRye nacks the message, and the channel's failure strategy records
 *       it and sends it to the dead-letter topic; consumption goes on.
 *   <li>anything else (the database is down, a serialization conflict, a lost connection): it may
 *       pass, so it must neither dead-letter the event nor skip it. {@link #retryInPlace} repeats the
 *       attempt, indefinitely, with exponential backoff; the events behind it wait, as they may
 *       depend on it. The connector's own strategies offer no such option ({@code fail} stops the
 *       consumer for good, {@code ignore} and {@code dead-letter-queue} move past the event, {@code
 *       delayed-retry-topic} reorders one aggregate's events).
 * </ul>
 */
@ApplicationScoped
public class ConsumerFailures {

  private static final Logger LOG = Logger.getLogger(ConsumerFailures.class);
  /** SQLSTATE class 22, "data exception": a value the columns cannot hold; no retry changes it. */
  private static final String DATA_EXCEPTION = "22";

  @Inject MeterRegistry registry;

  /**
   * The message's Vert.x context, to be taken where the connector calls the consumer: every attempt,
   * the first and each retry, must run on it (Hibernate Reactive needs it, and Mutiny's backoff
   * would otherwise resubscribe on a worker thread).
   */
  public static Executor messageContext() {
    Context context = Vertx.currentContext();
    return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
  }

  /**
   * {@code attempt}, repeated on {@code messageContext} with backoff from {@code initialBackoff} up
   * to {@code maxBackoff} for as long as it fails with anything but an {@link
   * UnprocessableEventException}; each retry is logged and counted in {@code
   * leadflow.events.retried{topic}}.
   */
  public <T> Uni<T> retryInPlace(
      ConsumerRecord<String, String> record,
      Executor messageContext,
      Duration initialBackoff,
      Duration maxBackoff,
      Supplier<Uni<? extends T>> attempt) {
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .<T>deferred(attempt)
        .runSubscriptionOn(messageContext)
        .onFailure(ConsumerFailures::mayPass)
        .invoke(failure -> retrying(record, failure, attempts.incrementAndGet()))
        .onFailure(ConsumerFailures::mayPass)
        .retry()
        .withBackOff(initialBackoff, maxBackoff)
        .indefinitely();
  }

  /** Logs and counts ({@code leadflow.events.dead-lettered{topic, type}}) an event given up on. */
  public void deadLettered(ConsumerRecord<String, String> record, Throwable failure) {
    LOG.warnf(
        "Dead-lettering event %s (%s, partition %d, offset %d): %s",
        id(record), type(record), record.partition(), record.offset(), failure.getMessage());
    registry.counter("leadflow.events.dead-lettered", "topic", record.topic(), "type", type(record)).increment();
  }

  /** Whether the database refused a value (SQLSTATE class 22), which no retry changes. */
  public static boolean isDataException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String state =
          cause instanceof PgException pg ? pg.getSqlState()
              : cause instanceof JDBCException jdbc ? jdbc.getSQLState()
              : null;
      if (state != null && state.startsWith(DATA_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause, whose message says what the database refused. */
  public static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static boolean mayPass(Throwable failure) {
    return !(failure instanceof UnprocessableEventException);
  }

  private void retrying(ConsumerRecord<String, String> record, Throwable failure, int attempt) {
    registry.counter("leadflow.events.retried", "topic", record.topic()).increment();
    String message = "Event %s (%s, partition %d, offset %d) failed on attempt %d and will be retried: %s";
    Object[] values = {id(record), type(record), record.partition(), record.offset(), attempt, failure};
    if (attempt == 1) {
      LOG.warnf(failure, message, values);
    } else {
      LOG.warnf(message, values);
    }
  }

  private static String id(ConsumerRecord<String, String> record) {
    return Objects.requireNonNullElse(IncomingEvent.header(record, CloudEventHeaders.ID), "without ce_id");
  }

  private static String type(ConsumerRecord<String, String> record) {
    return Objects.requireNonNullElse(IncomingEvent.header(record, CloudEventHeaders.TYPE), "unknown");
  }
}
