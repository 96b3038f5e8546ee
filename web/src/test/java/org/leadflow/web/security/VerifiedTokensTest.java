package org.leadflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

  /** A clock and a ticker that move together, only when told. */
  private static final class Time implements Ticker {
    private Instant now = START;

    Clock clock() {
      return new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
    }

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public long read() {
      return Duration.between(START, now).toNanos();
    }
  }

  private static JWTCallerPrincipal expiringAt(Instant expiry) {
    JwtClaims claims = new JwtClaims();
    claims.setSubject("seller-ada");
    claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
    return new DefaultJWTCallerPrincipal("JWT", claims);
  }

  @Test
  void aVerifiedTokenIsFoundByItsExactTextUntilItExpires() {
    Time time = new Time();
    VerifiedTokens tokens = new VerifiedTokens(100, time.clock(), time);
    JWTCallerPrincipal principal = expiringAt(START.plus(Duration.ofMinutes(5)));

    tokens.add("header.claims.signature", principal);

    assertThat(tokens.find("header.claims.signature")).containsSame(principal);
    assertThat(tokens.find("header.claims.signaturf")).isEmpty();
    time.pass(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(tokens.find("header.claims.signature")).containsSame(principal);
    time.pass(Duration.ofSeconds(1));
    assertThat(tokens.find("header.claims.signature")).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aTokenThatHasAlreadyExpiredIsNotKept() {
    Time time = new Time();
    VerifiedTokens tokens = new VerifiedTokens(100, time.clock(), time);

    tokens.add("expired", expiringAt(START.minusSeconds(1)));

    assertThat(tokens.find("expired")).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void noMoreThanTheMaximumNumberOfTokensIsKept() {
    Time time = new Time();
    VerifiedTokens tokens = new VerifiedTokens(10, time.clock(), time);

    for (int n = 0; n < 50; n++) {
      tokens.add("token-" + n, expiringAt(START.plus(Duration.ofHours(1))));
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(10);
  }
}
