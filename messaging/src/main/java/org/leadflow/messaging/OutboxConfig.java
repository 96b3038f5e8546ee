package org.leadflow.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where and how a service's outbox relay publishes. */
@ConfigMapping(prefix = "leadflow.outbox")
public interface OutboxConfig {

  /** The Kafka topic the service's events go to, e.g. {@code lead-events}. */
  String topic();

  /** The CloudEvents {@code ce_source} of the service's events, e.g. {@code /leadflow/lead-service}. */
  String source();

  /** Most events published in one relay transaction. */
  @WithDefault("500")
  int batchSize();

  /**
   * How often the relay looks for unpublished events: at most this long between a commit and the
   * start of its publication.
   */
  @WithDefault("10ms")
  Duration pollInterval();

  /** How long published events are kept in the table for inspection before they are deleted. */
  @WithDefault("P7D")
  Duration retention();
}
