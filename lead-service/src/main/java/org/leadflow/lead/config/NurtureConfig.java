package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often lead-service looks for disqualified leads whose nurture date has come, and how many it reactivates at once. */
@ConfigMapping(prefix = "leadflow.nurture")
public interface NurtureConfig {

  /** How often the due leads are looked for (the scheduler reads the same property). */
  @WithDefault("15m")
  Duration interval();

  /** Most leads reactivated in one transaction; a run goes on with the next batch until none is due. */
  @WithDefault("100")
  int batchSize();
}
