package org.leadflow.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.MDC;
import org.leadflow.contracts.CloudEventHeaders;
import org.leadflow.web.RequestLogContext;

/**
 * Continues, in a consumer, the trace an event's record carries ({@code traceparent}, written by the
 * producing service's outbox relay): the processing runs in a {@code <topic> process} span, child
 * of that context, and current for as long as the processing runs, so that the events it writes to
 * its own outbox carry the same trace on. Its log lines name the trace, the event and what it is
 * about (MDC {@code eventId}, {@code caller} = the event's {@code ce_source}, and the subject under
 * the key the consumer gives, e.g. {@code leadId}).
 */
@ApplicationScoped
public class ConsumerTracing {

  /** The MDC key of the id of the event being consumed. */
  public static final String EVENT_ID = "eventId";
  private static final String CALLER = RequestLogContext.CALLER;

  @Inject Tracer tracer;
  @Inject OutboxRelay relay;

  /**
   * Runs {@code processing} in the trace of {@code record}; once it has ended (its transactions
   * committed or rolled back), wakes the outbox relay if it appended events.
   *
   * @param subjectKey the MDC key under which the event's subject ({@code ce_subject}) is logged
   */
  public <T> Uni<T> traced(ConsumerRecord<String, String> record, String subjectKey, Supplier<Uni<? extends T>> processing) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context parent = TraceContext.of(record).asParent();
              Span span = processSpan(record, parent);
              Scope scope = parent.with(span).makeCurrent();
              mdc(EVENT_ID, IncomingEvent.header(record, CloudEventHeaders.ID));
              mdc(CALLER, IncomingEvent.header(record, CloudEventHeaders.SOURCE));
              mdc(subjectKey, IncomingEvent.header(record, CloudEventHeaders.SUBJECT));
              io.vertx.core.Context eventContext = io.vertx.core.Vertx.currentContext();
              return Uni.createFrom()
                  .<T>deferred(processing)
                  .onTermination()
                  .invoke(
                      (item, failure, cancelled) -> {
                        if (failure != null) {
                          span.recordException(failure);
                          span.setStatus(StatusCode.ERROR);
                        }
                        span.end();
                        scope.close();
                        MDC.remove(EVENT_ID);
                        MDC.remove(CALLER);
                        MDC.remove(subjectKey);
                        relay.wakeIfAppended(eventContext);
                      });
            });
  }

  private Span processSpan(ConsumerRecord<String, String> record, Context parent) {
    String eventId = IncomingEvent.header(record, CloudEventHeaders.ID);
    String type = IncomingEvent.header(record, CloudEventHeaders.TYPE);
    var builder =
        tracer
            .spanBuilder(record.topic() + " process")
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.operation.type", "process")
            .setAttribute("messaging.destination.name", record.topic())
            .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
            .setAttribute("messaging.kafka.offset", record.offset());
    if (eventId != null) {
      builder.setAttribute("messaging.message.id", eventId);
    }
    if (type != null) {
      builder.setAttribute("cloudevents.event_type", type);
    }
    return builder.startSpan();
  }

  private static void mdc(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }
}
