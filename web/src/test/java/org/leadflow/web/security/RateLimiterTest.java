package org.leadflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** Time in milliseconds; it moves only when a test moves it. */
  private final AtomicLong now = new AtomicLong(1_000_000);

  private final RateLimiter limiter = new RateLimiter(3, Duration.ofSeconds(30), now::get);

  private void advance(Duration duration) {
    now.addAndGet(duration.toMillis());
  }

  @Test
  void aCallerMaySpendTheWholeBudgetAtOnce() {
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isEmpty();
  }

  @Test
  void pastTheBudgetTheAnswerSaysHowLongToWait() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    // 3 per 30 s: one request comes back every 10 s.
    assertThat(limiter.acquire("alice")).contains(Duration.ofSeconds(10));
    advance(Duration.ofSeconds(4));
    assertThat(limiter.acquire("alice")).contains(Duration.ofSeconds(6));
  }

  @Test
  void refusedRequestsCostNothingAndTheBudgetComesBack() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.acquire("alice")).isPresent();
    }
    advance(Duration.ofSeconds(10));
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isPresent();
    advance(Duration.ofMinutes(5));
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isEmpty();
    assertThat(limiter.acquire("alice")).isPresent();
  }

  @Test
  void eachCallerHasABudgetOfTheirOwn() {
    for (int i = 0; i < 3; i++) {
      limiter.acquire("alice");
    }
    assertThat(limiter.acquire("alice")).isPresent();
    assertThat(limiter.acquire("bob")).isEmpty();
  }

  @Test
  void idleCallersAreForgottenOnceThereAreMany() {
    for (int i = 0; i <= RateLimiter.SWEEP_THRESHOLD; i++) {
      limiter.acquire("caller-" + i);
    }
    advance(Duration.ofSeconds(30));
    limiter.acquire("alice");
    for (int i = 0; i < 3; i++) {
      limiter.acquire("bob");
    }
    // Everyone idle for a full window was forgotten; whoever is not forgotten keeps their spending.
    assertThat(limiter.trackedCallers()).isEqualTo(2);
    assertThat(limiter.acquire("bob")).isPresent();
  }
}
