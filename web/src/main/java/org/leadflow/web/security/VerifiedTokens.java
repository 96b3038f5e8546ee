package org.leadflow.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tokens whose verification passed, each kept until its own expiry: a client sends the same bearer
 * token with every call for as long as it lives, and checking its signature again each time took
 * 6-9 % of a busy service's CPU samples. A token is found only by its exact text, so a token changed
 * in any way is verified afresh; one that failed is never kept. At most {@code maximumSize} tokens are
 * kept, the least recently used leaving first.
 */
final class VerifiedTokens {

  private final Cache<String, JWTCallerPrincipal> verified;
  private final Clock clock;

  VerifiedTokens(long maximumSize, Clock clock, Ticker ticker) {
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(ticker)
            .expireAfter(Expiry.<String, JWTCallerPrincipal>creating((token, principal) -> lifeLeft(principal)))
            .build();
  }

  /** For a service: the wall clock, and the system's nanosecond ticker for the expiries. */
  static VerifiedTokens withSystemClock(long maximumSize) {
    return new VerifiedTokens(maximumSize, Clock.systemUTC(), Ticker.systemTicker());
  }

  /** The principal of {@code token} if it was verified and has not expired since. */
  Optional<JWTCallerPrincipal> find(String token) {
    JWTCallerPrincipal principal = verified.getIfPresent(token);
    if (principal == null || lifeLeft(principal).compareTo(Duration.ZERO) <= 0) {
      return Optional.empty();
    }
    return Optional.of(principal);
  }

  /** Keeps a verified token until its expiry. */
  void add(String token, JWTCallerPrincipal principal) {
    if (lifeLeft(principal).compareTo(Duration.ZERO) > 0) {
      verified.put(token, principal);
    }
  }

  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  private Duration lifeLeft(JWTCallerPrincipal principal) {
    return Duration.between(clock.instant(), Instant.ofEpochSecond(principal.getExpirationTime()));
  }
}
