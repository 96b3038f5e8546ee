package org.leadflow.messaging;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) as the outbox keeps it: the context
 * of the transaction that wrote an event, so that the relay, which publishes later and outside any
 * request, continues that trace on the Kafka record, and the consumer continues it from the record.
 *
 * @param traceParent the {@code traceparent}, or null when the writer ran outside any trace
 * @param traceState the {@code tracestate}, or null when there is none
 */
public record TraceContext(String traceParent, String traceState) {

  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  /** The context of the current span (none when no valid span is current). */
  public static TraceContext current() {
    return of(Context.current());
  }

  /** The W3C representation of {@code context}'s span. */
  public static TraceContext of(Context context) {
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(context, carrier, Map::put);
    return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
  }

  /** The context a Kafka record's headers carry (the last {@code traceparent} wins). */
  public static TraceContext of(ConsumerRecord<?, ?> record) {
    return new TraceContext(header(record.headers(), TRACEPARENT), header(record.headers(), TRACESTATE));
  }

  /** The remote span this context names, as the parent of a new span; the root context when none. */
  public Context asParent() {
    if (traceParent == null) {
      return Context.root();
    }
    Map<String, String> carrier = new HashMap<>(2);
    carrier.put(TRACEPARENT, traceParent);
    if (traceState != null) {
      carrier.put(TRACESTATE, traceState);
    }
    return W3C.extract(Context.root(), carrier, MAP_GETTER);
  }

  /** Writes this context onto a Kafka record's headers, replacing any there. */
  public void writeTo(Headers headers) {
    headers.remove(TRACEPARENT);
    headers.remove(TRACESTATE);
    if (traceParent != null) {
      headers.add(TRACEPARENT, traceParent.getBytes(StandardCharsets.UTF_8));
    }
    if (traceState != null && !traceState.isEmpty()) {
      headers.add(TRACESTATE, traceState.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The 32 hexadecimal digits of the trace id, or null. */
  public String traceId() {
    List<String> parts = traceParent == null ? List.of() : List.of(traceParent.split("-"));
    return parts.size() >= 4 ? parts.get(1) : null;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
