package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the qualification agent's runs are scheduled and worked (its rules are the admin's policy). */
@ConfigMapping(prefix = "leadflow.agent")
public interface AgentConfig {

  /** Whether the schedule queues runs (it does so only while the policy's mode is not off). */
  @WithDefault("true")
  boolean scheduleEnabled();

  /** How often the schedule queues a run over every Open lead (the scheduler reads the same property). */
  @WithDefault("1h")
  Duration interval();

  /** How often an instance looks for a queued run to work (the scheduler reads the same property). */
  @WithDefault("1s")
  Duration pollInterval();

  /** Leads per transaction. */
  @WithDefault("100")
  int batchSize();

  /** How long a run is held by its instance without progress before another may take it over. */
  @WithDefault("5m")
  Duration claim();

  /** Most decisions a run's report keeps (its counts cover every lead). */
  @WithDefault("1000")
  int reportLimit();
}
