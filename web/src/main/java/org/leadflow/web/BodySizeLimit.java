package org.leadflow.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an API request whose declared body is larger than {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before any of it is read. (A chunked body without a length that grows past the
 * limit is cut off while it is read; {@link HttpFailureProblems} gives that 413 its problem.)
 */
@ApplicationScoped
public class BodySizeLimit {

  /** After the security headers, before everything else. */
  private static final int PRIORITY = 9_000;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBodySize;

  void install(@Observes Filters filters) {
    long limit = maxBodySize.asLongValue();
    filters.register(
        context -> {
          if (declaredLength(context) > limit && context.normalizedPath().startsWith(SecurityHeaders.API_PATH)) {
            refuse(context, limit);
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
