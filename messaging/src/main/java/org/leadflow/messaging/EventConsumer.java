package org.leadflow.messaging;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer of one topic. Implementing it lets an admin re-drive the topic's dead letters through
 * the consumer's normal path ({@link org.leadflow.messaging.deadletter.DeadLetterRedrive}): the
 * same inbox, so an effect that already happened is not repeated.
 */
public interface EventConsumer {

  /** The topic this consumer reads. */
  String topic();

  /**
   * Processes one record, as when it is read from the topic; fails when the record cannot be
   * processed.
   */
  Uni<Void> consume(ConsumerRecord<String, String> record);
}
