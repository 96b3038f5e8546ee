package org.leadflow.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicWriter;
import org.leadflow.messaging.deadletter.GreetingsConsumer;

/**
 * The messaging metrics an on-call person reads, scraped from {@code /q/metrics} as Prometheus
 * does, while the outbox falls behind and catches up, and while a dead letter is recorded.
 */
@QuarkusTest
class MessagingMetricsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject MessagingMetrics metrics;
  @Inject OutboxRelay relay;

  @Test
  void theOutboxBacklogAndTheAgeOfItsOldestEventShowWhileTheRelayCannotPublishAndClearOnceItHas() throws Throwable {
    UUID aggregate = UUID.randomUUID();
    try (Connection db = TestDatabase.connect()) {
      // What another relay instance does while it publishes: hold the relay's lock. This one waits.
      try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_lock(?)")) {
        lock.setLong(1, relay.relayLock());
        lock.execute();
      }
      TestDatabase.execute(
          "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, occurred_at, payload)"
              + " VALUES (gen_random_uuid(), 'Counted', ?, 'leadflow.test.counted.v1', now() - interval '1 hour', '{}')",
          aggregate);
      refresh();

      assertThat(gauge("leadflow_outbox_backlog")).isGreaterThanOrEqualTo(1);
      assertThat(gauge("leadflow_outbox_oldest_unpublished_age_seconds")).isGreaterThanOrEqualTo(3600);

      try (PreparedStatement unlock = db.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        unlock.setLong(1, relay.relayLock());
        unlock.execute();
      }
    }
    await().atMost(PATIENCE).until(() -> TestDatabase.count(
        "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND published_at IS NULL", aggregate) == 0);
    refresh();

    assertThat(gauge("leadflow_outbox_oldest_unpublished_age_seconds")).isLessThan(3600);
  }

  @Test
  void aDeadLetterIsCountedAmongTheRecordedOnesAsSoonAsItIsRecorded() throws Throwable {
    refresh();
    double recorded = gauge("leadflow_dead_letters{state=\"dead-lettered\"}");
    try (TopicWriter greetings = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), GreetingsConsumer.TOPIC)) {
      UUID unknownCustomer = UUID.randomUUID();
      greetings.cloudEvent(UUID.randomUUID(), "leadflow.test.greeting.v1", "/leadflow/test", unknownCustomer.toString(), "{}");
    }

    await().atMost(PATIENCE).untilAsserted(() -> {
      refresh();
      assertThat(gauge("leadflow_dead_letters{state=\"dead-lettered\"}")).isEqualTo(recorded + 1);
    });
  }

  private void refresh() throws Throwable {
    VertxContextSupport.subscribeAndAwait(() -> metrics.refresh());
  }

  /** The value of a series without labels, or with exactly these (written as in the exposition). */
  static double gauge(String series) {
    String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
    String labels = series.contains("{") ? Pattern.quote(series.substring(series.indexOf('{'))) : "(?:\\{[^}]*\\})?";
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + labels + " ([0-9.eE+-]+)$").matcher(scrape());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private static String scrape() {
    return given().get("/q/metrics").then().statusCode(200).extract().asString();
  }
}
