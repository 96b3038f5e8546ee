package org.leadflow.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;

/**
 * Sees each opportunity created from now on, as any subscriber of {@code opportunity-events} does:
 * opportunity-service publishes {@code leadflow.opportunity.created.v1} from its outbox after the
 * transaction that created the opportunity committed, so when the event arrives the opportunity has
 * been readable for a while. Timing conversions by it takes no request from the services (polling
 * them for thousands of pending opportunities would load the very services being measured) and
 * errs on the slow side: it includes opportunity-service's outbox relay and a Kafka hop.
 */
final class OpportunityEventsWatch implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private volatile boolean stopped;

  /**
   * Starts reading at the end of every partition (nothing created before this call is seen) and
   * hands each created opportunity's id, with {@link System#nanoTime()} at its arrival, to {@code
   * created}, on the watch's own thread.
   */
  OpportunityEventsWatch(String bootstrapServers, ObjLongConsumer<String> created) {
    this(bootstrapServers, arrival -> created.accept(arrival.opportunityId(), arrival.nanoTime()));
  }

  /**
   * One created event as the watch received it: when ({@link System#nanoTime()} and this machine's
   * clock), and when its producer sent it (the record's {@code CreateTime}, in milliseconds).
   */
  record Arrival(String opportunityId, long nanoTime, long epochMicros, long sentEpochMillis) {}

  /** As above, handing each created event's {@link Arrival} to {@code created}. */
  OpportunityEventsWatch(String bootstrapServers, java.util.function.Consumer<Arrival> created) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(EventTopics.OPPORTUNITY_EVENTS, Duration.ofSeconds(10)).stream()
            .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolves "the end" now, before any qualify is sent
    thread = new Thread(() -> read(created), "opportunity-events-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void read(java.util.function.Consumer<Arrival> created) {
    try {
      while (!stopped) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          long arrived = System.nanoTime();
          java.time.Instant now = java.time.Instant.now();
          long arrivedMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
          Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
          if (type != null && OpportunityEventTypes.CREATED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            // the key is the opportunity's id
            created.accept(new Arrival(record.key(), arrived, arrivedMicros, record.timestamp()));
          }
        }
      }
    } catch (WakeupException e) {
      // close() ends the watch
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    consumer.wakeup();
    thread.join(5_000);
  }
}
