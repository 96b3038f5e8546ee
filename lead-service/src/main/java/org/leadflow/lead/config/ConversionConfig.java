package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When a conversion waiting for opportunity-service's answer counts as stuck. */
@ConfigMapping(prefix = "leadflow.conversion")
public interface ConversionConfig {

  /** A conversion still pending this long after it was asked for is stuck (gauge, list filter). */
  @WithDefault("PT5M")
  Duration stuckAfter();

  /** How often the stuck-conversions gauge is counted again (the scheduler reads the same property). */
  @WithDefault("30s")
  Duration stuckCheckInterval();
}
