package org.leadflow.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an API request whose declared body is larger than {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before any of it is read, and one without a declared length (chunked) as soon
 * as it grows past the limit.
 */
@ApplicationScoped
public class BodySizeLimit {

  /** After the security headers, before everything else. */
  private static final int PRIORITY = 9_000;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBodySize;

  void install(@Observes Filters filters) {
    long limit = maxBodySize.asLongValue();
    // Reads a body of unknown length up to the limit (JAX-RS then reads it from memory), and fails
    // the request with 413 past it, which HttpFailureProblems answers. Left to JAX-RS, such a body
    // would be cut off by its input stream with a bare 413.
    BodyHandler bodyOfUnknownLength = BodyHandler.create(false).setBodyLimit(limit);
    filters.register(
        context -> {
          if (!HttpProblems.isApi(context)) {
            context.next();
          } else if (declaredLength(context) > limit) {
            refuse(context, limit);
          } else if (declaredLength(context) < 0 && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            bodyOfUnknownLength.handle(context);
          } else {
            context.next();
          }
        },
        PRIORITY);
  }

  private static long declaredLength(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // the HTTP server refuses it
    }
  }

  private static void refuse(RoutingContext context, long limit) {
    // The body is not read: the connection cannot carry another request after it.
    context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    HttpProblems.send(
        context,
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than the " + limit + " bytes this service accepts");
  }
}
