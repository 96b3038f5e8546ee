package org.leadflow.web.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A budget of requests per caller: {@code requests} per {@code window}, refilled continuously (a
 * token bucket). A caller may spend the whole budget at once, then gets a request back every
 * {@code window / requests}. Refused requests cost nothing.
 *
 * <p>The budget is kept in this instance's memory: behind a load balancer with N instances a caller
 * gets up to N budgets. Buckets of callers who have been idle long enough to be full again are
 * forgotten, so memory stays bounded by the callers of one window.
 */
public final class RateLimiter {

  /** How many callers are tracked before the idle ones are swept out. */
  static final int SWEEP_THRESHOLD = 10_000;
  private static final long SWEEP_INTERVAL_MILLIS = 1_000;

  private final double capacity;
  private final double tokensPerMilli;
  private final LongSupplier millis;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE / 2);

  /** @param millis the time in milliseconds, e.g. {@code clock::millis} */
  public RateLimiter(int requests, Duration window, LongSupplier millis) {
    if (requests < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("A budget needs at least 1 request per a positive window");
    }
    this.capacity = requests;
    this.tokensPerMilli = requests / (double) window.toMillis();
    this.millis = millis;
  }

  /**
   * Spends one request of {@code caller}'s budget.
   *
   * @return empty when the request may go ahead; otherwise how long until it would
   */
  public Optional<Duration> acquire(String caller) {
    long now = millis.getAsLong();
    sweepIfMany(now);
    return buckets.computeIfAbsent(caller, key -> new Bucket(now)).take(now);
  }

  /**
   * Looks at {@code caller}'s budget without spending from it.
   *
   * @return empty when a request could go ahead now; otherwise how long until it could
   */
  public Optional<Duration> check(String caller) {
    long now = millis.getAsLong();
    Bucket bucket = buckets.get(caller);
    return bucket == null ? Optional.empty() : bucket.waitAt(now);
  }

  /**
   * Forgets the callers whose budget is full again, once there are many: at most once a second, so
   * that with more active callers than the threshold not every request walks all their buckets.
   */
  private void sweepIfMany(long now) {
    long last = lastSweep.get();
    if (buckets.size() > SWEEP_THRESHOLD && now - last >= SWEEP_INTERVAL_MILLIS && lastSweep.compareAndSet(last, now)) {
      buckets.values().removeIf(bucket -> bucket.isFullAt(now));
    }
  }

  /** How many callers' budgets are held in memory. */
  int trackedCallers() {
    return buckets.size();
  }

  private final class Bucket {
    private double tokens = capacity;
    private long refilledAt;

    Bucket(long now) {
      refilledAt = now;
    }

    synchronized Optional<Duration> take(long now) {
      Optional<Duration> wait = waitAt(now);
      if (wait.isEmpty()) {
        tokens -= 1;
      }
      return wait;
    }

    synchronized Optional<Duration> waitAt(long now) {
      refill(now);
      if (tokens >= 1) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis((long) Math.ceil((1 - tokens) / tokensPerMilli)));
    }

    synchronized boolean isFullAt(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      if (now > refilledAt) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * tokensPerMilli);
        refilledAt = now;
      }
    }
  }
}
