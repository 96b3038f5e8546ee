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
   * How often the relay looks for unpublished events it was not woken for (another instance's, a
   * scheduled job's): at most this long between such a commit and the start of its publication.
   * The commits of a request or a consumed event wake the relay of their own instance at once.
   */
  @WithDefault("100ms")
  Duration pollInterval();

  /** How long published events are kept in the table for inspection before they are deleted. */
  @WithDefault("P7D")
  Duration retention();
}
