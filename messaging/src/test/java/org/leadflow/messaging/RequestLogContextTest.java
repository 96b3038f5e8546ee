package org.leadflow.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicWriter;
import org.leadflow.devstack.tokens.TestTokens;
import org.leadflow.messaging.deadletter.GreetingsConsumer;

/**
 * Every log line of a request names its trace and span, its caller and the record it is about
 * (module web's RequestLogContext and the OpenTelemetry extension); every line of a consumed event
 * names its trace, the event, its source and its subject (ConsumerTracing). The JSON log lines of
 * the containers carry the same MDC as fields.
 */
@QuarkusTest
class RequestLogContextTest {

  private final List<Map<String, String>> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record instanceof ExtLogRecord logged) {
            lines.add(Map.copyOf(logged.getMdcCopy().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue()))))
            );
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void capture() {
    Logger.getLogger(LogProbeResource.CATEGORY).addHandler(capture);
    Logger.getLogger(GreetingsConsumer.class.getName()).addHandler(capture);
  }

  @AfterEach
  void release() {
    Logger.getLogger(LogProbeResource.CATEGORY).removeHandler(capture);
    Logger.getLogger(GreetingsConsumer.class.getName()).removeHandler(capture);
  }

  @Test
  void aRequestsLinesNameItsTraceItsCallerAndItsLead() {
    UUID lead = UUID.randomUUID();
    String traceId = "0af7651916cd43dd8448eb211c80319c";

    given().auth().oauth2(TestTokens.seller("seller-ada"))
        .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
        .post("/api/v1/leads/" + lead + "/log-probe")
        .then().statusCode(200);

    assertThat(lines.stream().filter(mdc -> mdc.containsKey("leadId"))).singleElement().satisfies(mdc -> {
      assertThat(mdc).containsEntry("traceId", traceId).containsEntry("caller", "seller-ada").containsEntry("leadId", lead.toString());
      assertThat(mdc.get("spanId")).matches("[0-9a-f]{16}").isNotEqualTo("b7ad6b7169203331");
    });
  }

  @Test
  void aConsumedEventsLinesNameItsTraceTheEventItsSourceAndItsSubject() {
    UUID customer = UUID.randomUUID();
    TestDatabase.execute("INSERT INTO customer (id) VALUES (?)", customer);
    UUID eventId = UUID.randomUUID();
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4737";
    try (TopicWriter greetings = TopicWriter.to(SharedInfrastructure.get().kafkaBootstrapServers(), GreetingsConsumer.TOPIC)) {
      greetings.send(customer.toString(), "{}", Map.of(
          "ce_id", eventId.toString(),
          "ce_type", "leadflow.test.greeting.v1",
          "ce_source", "/leadflow/test",
          "ce_specversion", "1.0",
          "ce_subject", customer.toString(),
          "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
    }

    Map<String, String> line =
        await().atMost(Duration.ofSeconds(30)).until(
            () -> lines.stream().filter(mdc -> customer.toString().equals(mdc.get("customerId"))).findFirst(),
            Optional::isPresent).orElseThrow();
    assertThat(line)
        .containsEntry("traceId", traceId)
        .containsEntry("eventId", eventId.toString())
        .containsEntry("caller", "/leadflow/test")
        .containsEntry("customerId", customer.toString());
  }
}
