package org.leadflow.web.security;

import java.time.Duration;

/** A caller spent their request budget (429 with Retry-After). */
public class RateLimitExceededException extends RuntimeException {

  private final Duration retryAfter;

  public RateLimitExceededException(Duration retryAfter) {
    super("Too many requests; retry in " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + " s");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up and at least 1, as {@code Retry-After} wants them. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
