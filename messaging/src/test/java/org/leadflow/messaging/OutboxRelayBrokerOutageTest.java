package org.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadflow.devstack.EmbeddedKafkaServer;
import org.leadflow.devstack.FreePorts;

/**
 * The relay while its broker is away: a broker of its own (devstack's embedded Kafka, which starts
 * again on the same port from the same log directory), not running when the events are written,
 * started, stopped, and started again. While the broker is away nothing is marked published; once it
 * is back, every event is published, in order, and marked.
 */
@QuarkusTest
@TestProfile(OutboxRelayBrokerOutageTest.OwnBroker.class)
class OutboxRelayBrokerOutageTest {

  private static final Duration AWAY = Duration.ofSeconds(3);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject Outbox outbox;

  @ConfigProperty(name = "mp.messaging.outgoing.outbox.bootstrap.servers")
  String servers;

  @TempDir Path logDirectory;

  private final int controllerPort = FreePorts.find();
  private EmbeddedKafkaServer broker;

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void eventsWrittenWhileTheBrokerIsAwayStayUnmarkedAndArePublishedInOrderOnceItIsBack() {
    UUID aggregate = UUID.randomUUID();
    append(aggregate, 0, 5);
    stayUnpublished(aggregate, 5);

    startBroker();
    OutboxRelayTest.awaitAllMarkedPublished(List.of(aggregate), 5);
    assertThat(numbersPublished(aggregate, 5)).containsExactly(0, 1, 2, 3, 4);

    broker.close();
    broker = null;
    append(aggregate, 5, 10);
    stayUnpublished(aggregate, 5);

    startBroker();
    OutboxRelayTest.awaitAllMarkedPublished(List.of(aggregate), 10);
    assertThat(numbersPublished(aggregate, 10)).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
  }

  private void append(UUID aggregate, int from, int to) {
    IntStream.range(from, to).forEach(n -> OutboxWriter.append(outbox, aggregate, n));
  }

  private static void stayUnpublished(UUID aggregate, int count) {
    await().during(AWAY).atMost(AWAY.plusSeconds(2)).until(() -> OutboxRelayTest.unpublished(List.of(aggregate)) == count);
  }

  /** The same broker each time: same port, same log directory (so the same topics and records). */
  private void startBroker() {
    broker = EmbeddedKafkaServer.start(logDirectory, port(), controllerPort);
  }

  private int port() {
    return Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
  }

  /** The numbers of the aggregate's events on the topic, from its first record, in the log's order. */
  private List<Integer> numbersPublished(UUID aggregate, int count) {
    List<Integer> numbers = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of("bootstrap.servers", servers, "group.id", "outage-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(OutboxTopic.NAME));
      await().atMost(PATIENCE).until(() -> {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (aggregate.toString().equals(record.key())) {
            numbers.add(Integer.parseInt(record.value().replaceAll("\\D", "")));
          }
        }
        return numbers.size() >= count;
      });
    }
    return numbers;
  }

  /** The relay publishes to a broker of its own, on a port that nothing listens on at first. */
  public static class OwnBroker implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OwnBrokerPort.class));
    }
  }

  public static class OwnBrokerPort implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
      return Map.of("mp.messaging.outgoing.outbox.bootstrap.servers", "127.0.0.1:" + FreePorts.find());
    }

    @Override
    public void stop() {}
  }
}
