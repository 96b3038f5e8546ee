package org.leadflow.messaging.deadletter;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The failure strategy {@value #STRATEGY}: the connector's own {@code dead-letter-queue} (the record
 * goes to the channel's dead-letter topic with the reason in {@code dead-letter-reason}), preceded by
 * a row in the service's {@code dead_letter} table, so that an admin can list and re-drive it.
 *
 * <p>The order is what makes it reliable. The row is written first, with the record's topic,
 * partition and offset as its key; then the record is published to the dead-letter topic; then its
 * offset is committed. A service that stops anywhere in between reads the record again, fails on it
 * again, finds the row already there and publishes it (a second copy on the topic at worst, never a
 * dead letter missing from the table). While the row cannot be written (the database is down), the
 * write is retried with backoff and the record waits, as the consumers' own passing failures do.
 *
 * <p>Every failure that reaches the connector is recorded, whatever the consumer: a channel opts in
 * with {@code failure-strategy=dead-letter-queue-recorded} and configures the dead-letter topic as for
 * {@code dead-letter-queue}.
 */
@ApplicationScoped
@Identifier(RecordedDeadLetterQueue.STRATEGY)
@Unremovable
public class RecordedDeadLetterQueue implements KafkaFailureHandler.Factory {

  public static final String STRATEGY = "dead-letter-queue-recorded";
  private static final Logger LOG = Logger.getLogger(RecordedDeadLetterQueue.class);

  @Inject
  @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
  KafkaFailureHandler.Factory deadLetterQueue;

  @Inject DeadLetterStore store;
  @Inject DeadLettersConfig config;

  @Override
  public KafkaFailureHandler create(
      KafkaConnectorIncomingConfiguration channel,
      Vertx vertx,
      KafkaConsumer<?, ?> consumer,
      BiConsumer<Throwable, Boolean> reportFailure) {
    KafkaFailureHandler publisher = deadLetterQueue.create(channel, vertx, consumer, reportFailure);
    return new KafkaFailureHandler() {
      @Override
      public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        return record(record, reason).chain(() -> publisher.handle(record, reason, metadata));
      }

      @Override
      public void terminate() {
        publisher.terminate();
      }
    };
  }

  private Uni<Void> record(IncomingKafkaRecord<?, ?> record, Throwable reason) {
    DeadLetterStore.Failed failed =
        new DeadLetterStore.Failed(
            record.getTopic(),
            record.getPartition(),
            record.getOffset(),
            record.getKey() == null ? null : record.getKey().toString(),
            record.getHeaders(),
            record.getPayload() == null ? null : record.getPayload().toString(),
            Objects.requireNonNullElse(reason.getMessage(), reason.getClass().getName()));
    return Uni.createFrom()
        .deferred(() -> store.record(failed))
        .onFailure()
        .invoke(
            failure ->
                LOG.warnf(
                    "Could not record the dead letter of %s (partition %d, offset %d), will retry: %s",
                    failed.topic(), failed.partition(), failed.offset(), failure.toString()))
        .onFailure()
        .retry()
        .withBackOff(config.recordRetryInitialBackoff(), config.recordRetryMaxBackoff())
        .indefinitely();
  }
}
