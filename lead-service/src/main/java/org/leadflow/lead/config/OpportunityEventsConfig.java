package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the opportunity-events consumer retries an answer whose processing failed for a passing reason. */
@ConfigMapping(prefix = "leadflow.opportunity-events")
public interface OpportunityEventsConfig {

  /** Wait before the first retry; it doubles (with jitter) on each further failure. */
  @WithDefault("200ms")
  Duration retryInitialBackoff();

  /** Longest wait between two retries: how soon the consumer notices that, e.g., the database is back. */
  @WithDefault("15s")
  Duration retryMaxBackoff();
}
