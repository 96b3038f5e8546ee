package org.leadflow.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.Infrastructure;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.TopicWriter;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.devstack.tokens.TokenTestResource;
import org.leadflow.messaging.deadletter.GreetingTopics;
import org.leadflow.messaging.deadletter.GreetingsConsumer;

/**
 * The outbox relay is woken in-process once the transaction that appended an event has committed.
 * Here it looks for unpublished rows only once an hour, so an event published within seconds was
 * published because its request or its consumed event woke the relay.
 */
@QuarkusTest
@TestProfile(OutboxWakeUpTest.RelayLooksOncePerHour.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(OutboxTopic.class)
@QuarkusTestResource(GreetingTopics.class)
@QuarkusTestResource(TokenTestResource.class)
class OutboxWakeUpTest {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  @Test
  void anEventAppendedByARequestIsPublishedOnceTheRequestHasCommitted() {
    UUID aggregate = UUID.randomUUID();
    try (TopicReader topic = outboxTopic()) {
      given().auth().oauth2(TestTokens.seller("seller-ada"))
          .post("/api/v1/test-aggregates/" + aggregate + "/events")
          .then().statusCode(200);

      List<TopicReader.Event> published = topic.await(event -> aggregate.toString().equals(event.key()), 1, PATIENCE);

      assertThat(published).singleElement().satisfies(event -> assertThat(event.header("ce_type")).isEqualTo(OutboxWriter.TYPE));
    }
  }

  @Test
  void anEventAppendedWhileProcessingAConsumedEventIsPublishedOnceItsTransactionHasCommitted() {
    UUID customer = UUID.randomUUID();
    insertCustomer(customer);
    try (TopicReader topic = outboxTopic();
        TopicWriter greetings = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), GreetingsConsumer.TOPIC)) {
      greetings.cloudEvent(UUID.randomUUID(), "leadflow.test.greeting.v1", "/leadflow/test", customer.toString(), "{}");

      List<TopicReader.Event> published = topic.await(event -> customer.toString().equals(event.key()), 1, PATIENCE);

      assertThat(published).singleElement().satisfies(event -> assertThat(event.header("ce_type")).isEqualTo(GreetingsConsumer.GREETED));
    }
  }

  private static TopicReader outboxTopic() {
    return TopicReader.fromNow(SharedInfrastructure.get().kafkaBootstrapServers(), OutboxTopic.NAME);
  }

  private static void insertCustomer(UUID customer) {
    Infrastructure infra = SharedInfrastructure.get();
    try (Connection db = DriverManager.getConnection(infra.jdbcUrl("messaging"), infra.postgresUsername(), infra.postgresPassword());
        PreparedStatement insert = db.prepareStatement("INSERT INTO customer (id) VALUES (?)")) {
      insert.setObject(1, customer);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not insert customer " + customer, e);
    }
  }

  public static class RelayLooksOncePerHour implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("leadflow.outbox.poll-interval", "1h");
    }
  }
}
