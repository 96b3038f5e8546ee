package org.leadflow.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Each caller's request budget, and each client address's budget of invalid tokens. The default is Dataverse's service protection limit (6,000 requests
 * per 5 minutes per user): generous for people, a brake on a runaway integration.
 */
@ConfigMapping(prefix = "leadflow.rate-limit")
public interface RateLimitConfig {

  @WithDefault("true")
  boolean enabled();

  /** Requests one caller may make per window (all at once, or spread out). */
  @WithDefault("6000")
  int requests();

  @WithDefault("PT5M")
  Duration window();

  /**
   * The budget of requests whose bearer token turns out invalid, per client address: each still
   * costs a signature check, and no caller is known to charge it to.
   */
  InvalidTokens invalidTokens();

  interface InvalidTokens {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("300")
    int requests();

    @WithDefault("PT5M")
    Duration window();
  }
}
