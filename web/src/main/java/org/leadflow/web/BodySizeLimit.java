package org.leadflow.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an API request whose declared body is larger than {@code leadflow.http.max-body-size} with a
 * 413 problem before any of it is read, and one without a declared length (chunked) as soon as it
 * grows past the limit. Paths listed in {@code leadflow.http.large-body-paths} (uploads, such as
 * lead-service's imports) take bodies up to {@code quarkus.http.limits.max-body-size}, which the HTTP
 * server enforces for every request.
 */
@ApplicationScoped
public class BodySizeLimit {

  /** After the security headers, before everything else. */
  private static final int PRIORITY = 9_000;

  @Inject HttpConfig config;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxUploadSize;

  void install(@Observes Filters filters) {
    long limit = Math.min(config.maxBodySize().asLongValue(), maxUploadSize.asLongValue());
    List<String> uploads = config.largeBodyPaths().orElse(List.of());
    // Reads a body of unknown length up to the limit (JAX-RS then reads it from memory), and fails
    // the request with 413 past it, which HttpFailureProblems answers. Left to JAX-RS, such a body
    // would be cut off by its input stream with a bare 413.
    BodyHandler bodyOfUnknownLength = BodyHandler.create(false).setBodyLimit(limit);
    filters.register(
        context -> {
          if (!HttpProblems.isApi(context) || isUpload(context, uploads)) {
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

  /** Whether the request goes to a path that takes uploads ({@code leadflow.http.large-body-paths}). */
  static boolean isUpload(RoutingContext context, List<String> uploads) {
    String path = context.normalizedPath();
    return uploads.stream().anyMatch(upload -> path.equals(upload) || path.startsWith(upload + "/"));
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
