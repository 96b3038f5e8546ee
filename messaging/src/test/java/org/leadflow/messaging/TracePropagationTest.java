package org.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.SharedInfrastructure;
import org.leadflow.devstack.TopicReader;
import org.leadflow.devstack.TopicWriter;
import org.leadflow.devstack.tokens.TokenTestResource;
import org.leadflow.messaging.deadletter.GreetingTopics;
import org.leadflow.messaging.deadletter.GreetingsConsumer;

/**
 * The trace context goes through the outbox, on real PostgreSQL and Kafka: an event keeps the trace
 * of the transaction that wrote it, the relay publishes it in that trace (its record's {@code
 * traceparent}), and a consumer continues the trace of the record it reads, down to the events it
 * writes in turn.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(OutboxTopic.class)
@QuarkusTestResource(GreetingTopics.class)
@QuarkusTestResource(TokenTestResource.class)
class TracePropagationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Inject Outbox outbox;
  @Inject Tracer tracer;
  @Inject InMemorySpanExporter spans;

  @Test
  void anEventIsPublishedInTheTraceOfTheTransactionThatWroteIt() throws Throwable {
    UUID aggregate = UUID.randomUUID();
    Span request = tracer.spanBuilder("test request").setSpanKind(SpanKind.SERVER).startSpan();
    try (TopicReader topic = TopicReader.fromNow(kafka(), OutboxTopic.NAME)) {
      VertxContextSupport.subscribeAndAwait(
          () -> {
            try (Scope current = request.makeCurrent()) {
              return Panache.withTransaction(() -> outbox.append("Counted", aggregate, OutboxWriter.TYPE, Instant.now(), Map.of("n", 0)));
            }
          });
      request.end();

      TopicReader.Event published = topic.await(event -> event.key().equals(aggregate.toString()), 1, PATIENCE).get(0);

      String traceId = request.getSpanContext().getTraceId();
      TraceContext carried = new TraceContext(published.header("traceparent"), published.header("tracestate"));
      assertThat(carried.traceId()).isEqualTo(traceId);
      SpanData publication = awaitSpan(traceId, OutboxTopic.NAME + " publish");
      assertThat(publication.getKind()).isEqualTo(SpanKind.PRODUCER);
      assertThat(publication.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
      assertThat(published.header("traceparent")).isEqualTo("00-" + traceId + "-" + publication.getSpanId() + "-01");
      assertThat(publication.getAttributes().asMap().values()).contains(published.header("ce_id"));
    }
  }

  @Test
  void aConsumerContinuesTheTraceOfTheRecordItReadsAndTheEventsItWritesCarryItOn() {
    UUID customer = UUID.randomUUID();
    TestDatabase.execute("INSERT INTO customer (id) VALUES (?)", customer);
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpanId = "00f067aa0ba902b7";
    try (TopicReader outboxTopic = TopicReader.fromNow(kafka(), OutboxTopic.NAME);
        TopicWriter greetings = TopicWriter.to(kafka(), GreetingsConsumer.TOPIC)) {
      greetings.send(
          customer.toString(),
          "{}",
          Map.of(
              "ce_id", UUID.randomUUID().toString(),
              "ce_type", "leadflow.test.greeting.v1",
              "ce_source", "/leadflow/test",
              "ce_specversion", "1.0",
              "ce_subject", customer.toString(),
              "traceparent", "00-" + traceId + "-" + callerSpanId + "-01",
              "tracestate", "leadflow=test"));

      TopicReader.Event greeted =
          outboxTopic.await(event -> event.key().equals(customer.toString()), 1, PATIENCE).get(0);

      assertThat(greeted.header("ce_type")).isEqualTo(GreetingsConsumer.GREETED);
      SpanData processing = awaitSpan(traceId, GreetingsConsumer.TOPIC + " process");
      assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
      assertThat(processing.getParentSpanId()).isEqualTo(callerSpanId);
      SpanData publication = awaitSpan(traceId, OutboxTopic.NAME + " publish");
      assertThat(publication.getParentSpanId()).isEqualTo(processing.getSpanId());
      assertThat(greeted.header("traceparent")).isEqualTo("00-" + traceId + "-" + publication.getSpanId() + "-01");
      assertThat(greeted.header("tracestate")).isEqualTo("leadflow=test");
    }
  }

  private SpanData awaitSpan(String traceId, String name) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getName().equals(name))
                .toList(),
            found -> !found.isEmpty())
        .get(0);
  }

  private static String kafka() {
    return SharedInfrastructure.get().kafkaBootstrapServers();
  }
}
