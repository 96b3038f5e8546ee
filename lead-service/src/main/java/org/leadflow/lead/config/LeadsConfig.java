package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How lead-service reads and keeps leads. */
@ConfigMapping(prefix = "leadflow.leads")
public interface LeadsConfig {

  /**
   * ISO 3166-1 region for phone numbers given without a leading + when the lead has no country.
   */
  @WithDefault("US")
  String defaultPhoneRegion();

  /** How long an Idempotency-Key's first answer is replayed. */
  @WithDefault("PT24H")
  Duration idempotencyKeyRetention();

  /** The lead list ({@code GET /api/v1/leads}). */
  ListConfig list();

  interface ListConfig {

    /**
     * Up to this many matching leads the list's {@code total} is counted exactly; above it, it is the
     * database planner's estimate ({@code totalIsEstimate: true}) unless the caller asks {@code exactTotal=true}.
     */
    @WithDefault("10000")
    int exactTotalLimit();
  }
}
