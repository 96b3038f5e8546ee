package org.leadflow.web;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the CORS refusals a problem body. Quarkus's CORS filter answers a request from an origin it
 * does not allow (and a method it does not allow from an allowed origin) with a bare 403; this
 * filter runs just before it, applies the same rules to {@code quarkus.http.cors.origins} and
 * {@code quarkus.http.cors.methods}, and answers those requests itself. Everything else, preflights
 * of allowed origins included, is left to Quarkus.
 */
@ApplicationScoped
public class CorsRefusal {

  /** Before Quarkus's CORS filter (300) and authentication. */
  private static final int PRIORITY = 8_500;

  @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false")
  boolean enabled;

  @ConfigProperty(name = "quarkus.http.cors.origins")
  Optional<List<String>> origins;

  @ConfigProperty(name = "quarkus.http.cors.methods")
  Optional<List<String>> methods;

  void install(@Observes Filters filters) {
    if (!enabled || isWildcard(origins)) {
      return;
    }
    List<String> exact = origins.orElse(List.of());
    List<Pattern> patterns = CORSFilter.parseAllowedOriginsRegex(origins);
    filters.register(
        context -> {
          String origin = context.request().getHeader(HttpHeaders.ORIGIN);
          if (origin == null) {
            context.next();
            return;
          }
          boolean listed = exact.contains(origin) || CORSFilter.isOriginAllowedByRegex(patterns, origin);
          if (!listed && !isSameOrigin(context.request(), origin)) {
            context.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            HttpProblems.send(context, 403, "cors-rejected", "Origin not allowed", "This API may not be called from a page of this origin");
          } else if (listed && !isPreflight(context.request()) && !methodAllowed(context.request().method())) {
            HttpProblems.send(
                context, 403, "cors-rejected", "Method not allowed from this origin", "A page may not use " + context.request().method() + " on this API");
          } else {
            context.next();
          }
        },
        PRIORITY);
  }

  private static boolean isWildcard(Optional<List<String>> values) {
    return values.isPresent() && values.get().size() == 1 && (values.get().get(0).equals("*") || values.get().get(0).equals("/.*/"));
  }

  private boolean methodAllowed(HttpMethod method) {
    return methods.isEmpty() || isWildcard(methods) || methods.get().contains(method.name());
  }

  private static boolean isPreflight(HttpServerRequest request) {
    return request.method() == HttpMethod.OPTIONS
        && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
            || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
  }

  /** The page is served by this service: same scheme, host and port (80/443 when not given). */
  private static boolean isSameOrigin(HttpServerRequest request, String origin) {
    try {
      URI page = URI.create(origin);
      URI target = URI.create(request.absoluteURI());
      return page.getScheme() != null
          && page.getScheme().equalsIgnoreCase(target.getScheme())
          && (page.getRawPath() == null || page.getRawPath().isEmpty())
          && page.getHost() != null
          && page.getHost().equalsIgnoreCase(target.getHost())
          && port(page) == port(target);
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
