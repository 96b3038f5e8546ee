package org.leadflow.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.leadflow.web.HttpProblems;

/**
 * Holds the requests whose bearer token is refused (401) to a budget per client address: past it,
 * an API request carrying a token from that address is answered 429 with Retry-After before its
 * token is verified, so that a stream of forged tokens stops costing a signature check each. The
 * per-caller {@link RequestBudget} still applies to valid tokens. Behind a reverse proxy, enable
 * Quarkus's proxy address forwarding so that the client's address, not the proxy's, is charged.
 */
@ApplicationScoped
public class InvalidTokenBudget {

  /** After body size and request shape, before CORS and authentication. */
  private static final int PRIORITY = 8_000;

  @Inject RateLimitConfig config;
  @Inject Clock clock;

  void install(@Observes Filters filters) {
    RateLimitConfig.InvalidTokens budget = config.invalidTokens();
    if (!budget.enabled()) {
      return;
    }
    RateLimiter limiter = new RateLimiter(budget.requests(), budget.window(), clock::millis);
    filters.register(context -> spend(context, limiter), PRIORITY);
  }

  private static void spend(RoutingContext context, RateLimiter limiter) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || !HttpProblems.isApi(context) || context.request().remoteAddress() == null) {
      context.next();
      return;
    }
    String address = context.request().remoteAddress().hostAddress();
    Optional<Duration> wait = limiter.check(address);
    if (wait.isPresent()) {
      RateLimitExceededException refused = new RateLimitExceededException(wait.get());
      context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
      HttpProblems.send(context, 429, "rate-limited", "Too many requests", "Too many requests with invalid bearer tokens from this address; retry in " + refused.retryAfterSeconds() + " s");
      return;
    }
    context.addHeadersEndHandler(
        ignored -> {
          if (context.response().getStatusCode() == 401) {
            limiter.acquire(address);
          }
        });
    context.next();
  }
}
