package org.leadflow.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is published to a topic from the moment it is opened, for tests that check what a
 * service sent to the real broker. Not thread-safe: one test, one reader.
 */
public final class TopicReader implements AutoCloseable {

  /** A record as read: key, value and headers as strings. */
  public record Event(String key, String value, Map<String, String> headers, int partition, long offset) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  private final KafkaConsumer<String, String> consumer;
  private final List<Event> seen = new ArrayList<>();

  private TopicReader(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  /** Starts reading at the current end of every partition of {@code topic}. */
  public static TopicReader fromNow(String bootstrapServers, String topic) {
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false",
                "isolation.level", "read_committed"),
            new StringDeserializer(),
            new StringDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
    return new TopicReader(consumer);
  }

  /**
   * Waits until {@code count} records matching {@code filter} have been read and answers them in
   * the order they were read (per partition, the order of the log).
   */
  public List<Event> await(Predicate<Event> filter, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Event> matching = seen.stream().filter(filter).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Expected " + count + " matching records within " + timeout + " but read " + matching.size()
                + " (of " + seen.size() + " in all)");
      }
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
        seen.add(toEvent(record));
      }
    }
  }

  /** Every record read so far. */
  public List<Event> seen() {
    return List.copyOf(seen);
  }

  private static Event toEvent(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    return new Event(record.key(), record.value(), headers, record.partition(), record.offset());
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
