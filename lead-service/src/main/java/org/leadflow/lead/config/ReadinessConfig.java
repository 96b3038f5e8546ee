package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the readiness kept on each lead (for the list) follows the policy in force: after a policy
 * change, or for leads never measured, the refresher measures them again in batches.
 */
@ConfigMapping(prefix = "leadflow.readiness.refresh")
public interface ReadinessConfig {

  /** Off: leads are measured only when created or edited (the benchmark's seeded tables). */
  @WithDefault("true")
  boolean enabled();

  /** How often the refresher looks for leads measured by an older policy version. */
  @WithDefault("5s")
  Duration interval();

  /** Leads measured per transaction. */
  @WithDefault("500")
  int batchSize();

  /** Batches per run at most, so that a policy change over a million leads is spread over time. */
  @WithDefault("10")
  int batchesPerRun();
}
