package org.leadflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Problem answers given at the HTTP level, before or beside JAX-RS (and so before {@link Problems}):
 * request limits, CORS refusals, the invalid-token budget and the HTTP server's own failures.
 */
public final class HttpProblems {

  /** Problems are plain records: no need for the application's configured mapper. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpProblems() {}

  /** Whether the request is for one of the APIs (not health, metrics or the OpenAPI documents). */
  public static boolean isApi(RoutingContext context) {
    return context.normalizedPath().startsWith(SecurityHeaders.API_PATH);
  }

  /** Ends the request with a problem of the status's standard title. */
  public static void send(RoutingContext context, int status, String detail) {
    String title = HttpResponseStatus.valueOf(status).reasonPhrase();
    send(context, status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, detail);
  }

  public static void send(RoutingContext context, int status, String type, String title, String detail) {
    Problem problem =
        new Problem(Problems.TYPE_BASE + type, title, status, detail, RequestText.printable(instance(context)), null, null);
    try {
      context
          .response()
          .setStatusCode(status)
          .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
          .end(JSON.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A problem is always writable as JSON", e);
    }
  }

  /** The path, unless it is too long to repeat. */
  private static String instance(RoutingContext context) {
    String path = context.normalizedPath();
    return path.length() > 512 ? null : path;
  }
}
