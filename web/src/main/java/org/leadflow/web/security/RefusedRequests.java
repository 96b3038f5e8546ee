package org.leadflow.web.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Counts the requests refused for want of a valid token (401), of a role or ownership (403) or of
 * budget (429) in {@code leadflow_http_requests_refused_total{status}}, whoever answered them: the
 * bearer token check, RESTEasy's security checks, the problem mappers or the request budgets. It
 * watches every response at the router, first of all handlers, so none is missed (Micrometer's
 * {@code http_server_requests} leaves out 4xx answers to paths it cannot name).
 */
@ApplicationScoped
public class RefusedRequests {

  private final Map<Integer, Counter> refused;

  @Inject
  RefusedRequests(MeterRegistry registry) {
    refused = Map.of(401, counter(registry, 401), 403, counter(registry, 403), 429, counter(registry, 429));
  }

  private static Counter counter(MeterRegistry registry, int status) {
    return Counter.builder("leadflow.http.requests.refused")
        .description("Requests refused: 401 no or an invalid token, 403 a role or owner, 429 over a request budget")
        .tag("status", String.valueOf(status))
        .register(registry);
  }

  void watch(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              context.addHeadersEndHandler(
                  ignored -> {
                    Counter counter = refused.get(context.response().getStatusCode());
                    if (counter != null) {
                      counter.increment();
                    }
                  });
              context.next();
            });
  }
}
