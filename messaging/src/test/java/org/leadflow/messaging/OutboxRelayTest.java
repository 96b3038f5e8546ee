package org.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.tokens.TokenTestResource;

/**
 * The outbox relay of the test application, publishing to the test JVM's Kafka from its PostgreSQL:
 * the order of each aggregate's events, relays at the same time, and the lock that lets one publish.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(OutboxTopic.class)
@QuarkusTestResource(TokenTestResource.class)
class OutboxRelayTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;

  @Test
  void eachAggregatesEventsArePublishedInTheOrderTheyWereWrittenKeyedByTheAggregateAsCloudEvents() {
    List<UUID> aggregates = aggregates(4);
    try (TopicReader topic = reader()) {
      OutboxWriter.appendConcurrently(outbox, aggregates, 20);

      List<TopicReader.Event> published = topic.await(event -> aggregates.contains(UUID.fromString(event.key())), 80, PATIENCE);

      assertThat(published).hasSize(80);
      assertEachAggregateInOrderOnce(published, aggregates, 20);
      assertThat(published).allSatisfy(event -> {
        assertThat(event.header("ce_subject")).isEqualTo(event.key());
        assertThat(event.header("ce_type")).isEqualTo(OutboxWriter.TYPE);
        assertThat(event.header("ce_source")).isEqualTo("/leadflow/messaging-test");
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("content-type")).isEqualTo("application/json");
        assertThat(event.header("ce_dataschema")).isEqualTo("https://leadflow.org/schemas/events/" + OutboxWriter.TYPE + ".json");
      });
      awaitAllMarkedPublished(aggregates, 80);
    }
  }

  /**
   * Each call of {@code publishBatch} is what one relay (one service instance) does on each round: a
   * transaction on a connection of its own. Three of them loop at once while the events are written,
   * beside the application's own relay.
   */
  @Test
  void eventsAppendedTogetherArePublishedInTheOrderOfTheirListAsTheOnesAppendedOneByOne() {
    List<UUID> aggregates = aggregates(3);
    List<Outbox.Draft> drafts = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      for (UUID aggregate : aggregates) {
        drafts.add(new Outbox.Draft("Counted", aggregate, OutboxWriter.TYPE, java.time.Instant.now(), Map.of("n", n)));
      }
    }
    try (TopicReader topic = reader()) {
      OutboxWriter.appendAll(outbox, drafts);

      List<TopicReader.Event> published = topic.await(event -> aggregates.contains(UUID.fromString(event.key())), 30, PATIENCE);

      assertThat(published).hasSize(30);
      assertEachAggregateInOrderOnce(published, aggregates, 10);
      assertThat(published).allSatisfy(event -> {
        assertThat(event.header("ce_subject")).isEqualTo(event.key());
        assertThat(event.header("ce_type")).isEqualTo(OutboxWriter.TYPE);
        assertThat(event.value()).matches("\\{\"n\": ?\\d+}");
      });
      awaitAllMarkedPublished(aggregates, 30);
    }
  }

  @Test
  void relaysRunningAtOnceNeitherReorderNorRepeatEventsAndMarkEachPublished() {
    List<UUID> aggregates = aggregates(3);
    try (TopicReader topic = reader()) {
      AtomicBoolean writing = new AtomicBoolean(true);
      List<CompletableFuture<Void>> relays =
          IntStream.range(0, 3)
              .mapToObj(i -> CompletableFuture.runAsync(() -> {
                while (writing.get() || unpublished(aggregates) > 0) {
                  relay.publishBatch().await().atMost(PATIENCE);
                }
              }))
              .toList();

      OutboxWriter.appendConcurrently(outbox, aggregates, 30);
      writing.set(false);
      CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).join();

      List<TopicReader.Event> published = topic.await(event -> aggregates.contains(UUID.fromString(event.key())), 90, PATIENCE);
      assertEachAggregateInOrderOnce(published, aggregates, 30);
      awaitAllMarkedPublished(aggregates, 90);
    }
  }

  @Test
  void aRelayPublishesNothingWhileAnotherHoldsThePublishingLock() throws SQLException {
    List<UUID> aggregates = aggregates(1);
    try (TopicReader topic = reader();
        Connection otherRelay = TestDatabase.connect()) {
      otherRelay.setAutoCommit(false);
      try (PreparedStatement lock = TestDatabase.prepare(otherRelay, "SELECT pg_advisory_xact_lock(?)", relay.relayLock())) {
        lock.execute();
      }

      OutboxWriter.appendConcurrently(outbox, aggregates, 5);

      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> unpublished(aggregates) == 5);
      otherRelay.commit(); // the other relay's transaction ends, and its lock with it

      assertEachAggregateInOrderOnce(topic.await(event -> aggregates.contains(UUID.fromString(event.key())), 5, PATIENCE), aggregates, 5);
      awaitAllMarkedPublished(aggregates, 5);
    }
  }

  static void assertEachAggregateInOrderOnce(List<TopicReader.Event> published, List<UUID> aggregates, int perAggregate) {
    assertThat(published.stream().map(event -> event.header("ce_id"))).doesNotHaveDuplicates();
    Map<String, List<Integer>> numbersByAggregate =
        published.stream().collect(Collectors.groupingBy(TopicReader.Event::key, Collectors.mapping(OutboxRelayTest::number, Collectors.toList())));
    List<Integer> inOrder = IntStream.range(0, perAggregate).boxed().toList();
    assertThat(numbersByAggregate).hasSize(aggregates.size());
    assertThat(numbersByAggregate.values()).allSatisfy(numbers -> assertThat(numbers).isEqualTo(inOrder));
  }

  private static int number(TopicReader.Event event) {
    return Integer.parseInt(event.value().replaceAll("\\D", ""));
  }

  static void awaitAllMarkedPublished(List<UUID> aggregates, int count) {
    await().atMost(PATIENCE).until(() -> unpublished(aggregates) == 0);
    assertThat(TestDatabase.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ANY(?::uuid[])", array(aggregates))).isEqualTo(count);
  }

  static long unpublished(List<UUID> aggregates) {
    return TestDatabase.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = ANY(?::uuid[])", array(aggregates));
  }

  private static String array(List<UUID> aggregates) {
    return aggregates.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }

  static List<UUID> aggregates(int count) {
    return Stream.generate(UUID::randomUUID).limit(count).collect(Collectors.toCollection(ArrayList::new));
  }

  private static TopicReader reader() {
    return TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), OutboxTopic.NAME);
  }
}
