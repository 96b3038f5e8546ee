package org.leadflow.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An OTLP/HTTP receiver of traces in the test JVM (protobuf, as the services export with {@code
 * QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf}): it keeps every span it is sent, with
 * the {@code service.name} of the service that sent it, as a collector would.
 */
final class OtlpReceiver implements AutoCloseable {

  /** A span as received: which service ended it, its trace, ids, name, kind and attributes. */
  record ReceivedSpan(
      String service, String traceId, String spanId, String parentSpanId, String name, String kind, Map<String, String> attributes) {}

  private final HttpServer server;
  private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      OtlpReceiver receiver = new OtlpReceiver(server);
      server.createContext("/", receiver::receive);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start the OTLP receiver", e);
    }
  }

  /** The base URL the services export to. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The spans of one trace received so far. */
  List<ReceivedSpan> trace(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
        ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
        for (ResourceSpans resource : request.getResourceSpansList()) {
          String service = serviceName(resource.getResource().getAttributesList());
          for (ScopeSpans scope : resource.getScopeSpansList()) {
            scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(
                service,
                hex(span.getTraceId().toByteArray()),
                hex(span.getSpanId().toByteArray()),
                hex(span.getParentSpanId().toByteArray()),
                span.getName(),
                span.getKind().name(),
                attributes(span.getAttributesList()))));
          }
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
    }
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> values = new HashMap<>();
    attributes.forEach(attribute -> values.put(attribute.getKey(), attribute.getValue().getStringValue()));
    return values;
  }

  private static String serviceName(List<KeyValue> attributes) {
    return attributes.stream()
        .filter(attribute -> attribute.getKey().equals("service.name"))
        .map(attribute -> attribute.getValue().getStringValue())
        .findFirst()
        .orElse("unknown");
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
