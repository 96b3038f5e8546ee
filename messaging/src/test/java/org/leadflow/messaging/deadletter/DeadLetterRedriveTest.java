package org.leadflow.messaging.deadletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.TopicWriter;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource;

/**
 * Dead letters recorded by the failure strategy {@code dead-letter-queue-recorded} and re-driven
 * through the consumer that dead-lettered them, on real PostgreSQL and Kafka, with the test
 * application's {@link GreetingsConsumer}: a greeting for a customer it does not know yet is
 * dead-lettered, and re-driven once the customer is there.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(GreetingTopics.class)
@QuarkusTestResource(TokenTestResource.class)
class DeadLetterRedriveTest {

  private static final String DEAD_LETTERS = "/api/v1/dead-letters";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final String TYPE = "leadflow.test.greeting.v1";

  @Inject DeadLetterStore store;

  private TopicWriter greetings;

  @BeforeEach
  void connect() {
    greetings = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), GreetingsConsumer.TOPIC);
  }

  @AfterEach
  void disconnect() {
    greetings.close();
  }

  @Test
  void anEventDeadLetteredForAConditionThatNoLongerHoldsIsProcessedWhenReDrivenAndOnlyOnce() {
    UUID customer = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    try (TopicReader deadLetterTopic = TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), GreetingsConsumer.DEAD_LETTER_TOPIC)) {
      greetings.cloudEvent(eventId, TYPE, "/leadflow/test", customer.toString(), "{}");

      deadLetterTopic.await(e -> customer.toString().equals(e.key()), 1, PATIENCE);
      String id = awaitListed(eventId);
      assertThat(get(id).<String>path("reason")).isEqualTo("Unknown customer " + customer);

      execute("INSERT INTO customer (id) VALUES (?)", customer);
      ExtractableResponse<Response> redriven = succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());

      assertThat(redriven.<String>path("state")).isEqualTo("redriven");
      assertThat(redriven.<Integer>path("redriveCount")).isEqualTo(1);
      assertThat(redriven.<String>path("lastRedriveFailure")).isNull();
      assertThat(count("SELECT count(*) FROM greeting WHERE event_id = ?", eventId)).isEqualTo(1);
      assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)).isEqualTo(1);

      ExtractableResponse<Response> again = asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract();
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.contentType()).startsWith("application/problem+json");
      assertThat(count("SELECT count(*) FROM greeting WHERE event_id = ?", eventId)).isEqualTo(1);
    }
  }

  @Test
  void reDrivingAnEventWhoseEffectHappenedMeanwhileDoesNotRepeatIt() {
    UUID customer = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    greetings.cloudEvent(eventId, TYPE, "/leadflow/test", customer.toString(), "{}");
    String id = awaitListed(eventId);
    execute("INSERT INTO customer (id) VALUES (?)", customer);
    // The same event delivered again (its producer published it twice) is processed normally.
    greetings.cloudEvent(eventId, TYPE, "/leadflow/test", customer.toString(), "{}");
    await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM greeting WHERE event_id = ?", eventId) == 1);

    ExtractableResponse<Response> redriven = succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());

    assertThat(redriven.<String>path("state")).isEqualTo("redriven");
    assertThat(count("SELECT count(*) FROM greeting WHERE event_id = ?", eventId)).isEqualTo(1);
  }

  @Test
  void aRecordIsRecordedOnceHoweverOftenItIsDeadLettered() {
    String topic = "messaging-test.recorded-twice-" + UUID.randomUUID();
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_type", "with\u0000nul".getBytes(StandardCharsets.UTF_8));
    DeadLetterStore.Failed failed = new DeadLetterStore.Failed(topic, 1, 42L, "k\u0000ey", headers, "pay\u0000load", "reason \u0000");

    store.record(failed).await().atMost(PATIENCE);
    store.record(failed).await().atMost(PATIENCE);

    assertThat(count("SELECT count(*) FROM dead_letter WHERE topic = ?", topic)).isEqualTo(1);
    String id = String.valueOf(value("SELECT id FROM dead_letter WHERE topic = ?", topic));
    ExtractableResponse<Response> recorded = get(id);
    // PostgreSQL keeps no NUL in text: shown as U+FFFD there, the payload exactly as received.
    assertThat(recorded.<String>path("payload")).isEqualTo("pay\u0000load");
    assertThat(recorded.<String>path("key")).isEqualTo("k\uFFFDey");
    assertThat(recorded.<Map<String, String>>path("headers")).containsEntry("ce_type", "with\uFFFDnul");

    ExtractableResponse<Response> redriven = succeeded(asAdmin().post(DEAD_LETTERS + "/{id}/redrive", id).then().extract());
    assertThat(redriven.<String>path("state")).isEqualTo("redrive-failed");
    assertThat(redriven.<String>path("lastRedriveFailure")).isEqualTo("No consumer of " + topic + " in this service");
  }

  /** Waits until the event's dead letter is listed (filtered by its type), and answers its id. */
  private static String awaitListed(UUID eventId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              List<Map<String, Object>> items =
                  succeeded(asAdmin().queryParam("type", TYPE).queryParam("state", "dead-lettered").get(DEAD_LETTERS).then().extract())
                      .path("items");
              return items.stream()
                  .filter(item -> eventId.toString().equals(item.get("eventId")))
                  .map(item -> (String) item.get("id"))
                  .findFirst()
                  .orElse(null);
            },
            id -> id != null);
  }

  private static ExtractableResponse<Response> get(String id) {
    return succeeded(asAdmin().get(DEAD_LETTERS + "/{id}", id).then().extract());
  }

  private static ExtractableResponse<Response> succeeded(ExtractableResponse<Response> response) {
    assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
    return response;
  }

  private static RequestSpecification asAdmin() {
    return given().header("Authorization", "Bearer " + TestTokens.admin("admin-ann"));
  }

  private static long count(String sql, Object parameter) {
    return ((Number) value(sql, parameter)).longValue();
  }

  private static Object value(String sql, Object parameter) {
    try (Connection db = database();
        PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, parameter);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void execute(String sql, Object parameter) {
    try (Connection db = database();
        PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static Connection database() throws SQLException {
    Infrastructure infra = SharedInfrastructure.get();
    return DriverManager.getConnection(infra.jdbcUrl("messaging"), infra.postgresUsername(), infra.postgresPassword());
  }
}
