package org.leadflow.systemtests.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/**
 * One hostile request: a valid request to {@code operation} with one thing changed.
 *
 * @param location what was changed: {@code path id}, {@code query page}, {@code header If-Match},
 *     {@code body opportunity.lines[0].quantity} or {@code whole body}
 * @param hostileClass the kind of value, e.g. {@code NUL} or {@code wrong type} ({@link HostileClass})
 * @param value what was sent there, shortened for reports
 * @param mustRefuseBecause why the services must answer 4xx, or null when accepting it is legitimate
 * @param echo what a 2xx answer (and the record read back) must hold, or null
 */
public record HostileCase(
    ApiOperation operation,
    String location,
    HostileClass hostileClass,
    String value,
    String mustRefuseBecause,
    Shape shape,
    Echo echo) {

  /**
   * The request apart from the record it targets: raw (already percent-encoded) values for path
   * parameters it overrides, the raw query, headers, the body and its Content-Type (null: none),
   * and the method when it is not the operation's.
   */
  public record Shape(
      Map<String, String> pathValues,
      String rawQuery,
      Map<String, String> headers,
      byte[] body,
      String contentType,
      boolean chunked,
      String method) {

    /** The operation's own method. */
    public Shape(Map<String, String> pathValues, String rawQuery, Map<String, String> headers, byte[] body, String contentType, boolean chunked) {
      this(pathValues, rawQuery, headers, body, contentType, chunked, null);
    }
  }

  /** A 2xx answer holds {@code expected} at {@code pointer}; null expected: the value the answer holds. */
  public record Echo(String pointer, JsonNode expected) {}

  /** The path with its parameters filled: overrides as given, {@code targetId} for the others. */
  public String path(String targetId) {
    String path = operation.path();
    for (ApiOperation.Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("path")) {
        String value = shape.pathValues().getOrDefault(parameter.name(), targetId);
        path = path.replace("{" + parameter.name() + "}", value);
      }
    }
    return shape.rawQuery() == null ? path : path + "?" + shape.rawQuery();
  }

  public HttpRequest request(URI service, String targetId, String token, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(service.resolve(path(targetId))).timeout(timeout).header("Authorization", "Bearer " + token);
    shape.headers().forEach(builder::header);
    if (shape.contentType() != null) {
      builder.header("Content-Type", shape.contentType());
    }
    HttpRequest.BodyPublisher body;
    if (shape.body() == null) {
      body = HttpRequest.BodyPublishers.noBody();
    } else if (shape.chunked()) {
      byte[] bytes = shape.body();
      body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    } else {
      body = HttpRequest.BodyPublishers.ofByteArray(shape.body());
    }
    return builder.method(shape.method() == null ? operation.method() : shape.method(), body).build();
  }

  @Override
  public String toString() {
    return operation + " " + location + " = " + value + " (" + hostileClass.label() + ")";
  }
}
