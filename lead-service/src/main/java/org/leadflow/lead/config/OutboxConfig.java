package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay publishes. */
@ConfigMapping(prefix = "leadflow.outbox")
public interface OutboxConfig {

  /** Most events published in one relay transaction. */
  @WithDefault("500")
  int batchSize();

  /** Fallback poll for notifications that were missed (e.g. while reconnecting). */
  @WithDefault("1s")
  Duration pollInterval();

  /** How long published events are kept in the table for inspection before they are deleted. */
  @WithDefault("P7D")
  Duration retention();
}
