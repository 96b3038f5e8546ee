package org.leadflow.lead.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The qualification policy a database starts with. */
@ConfigMapping(prefix = "leadflow.qualification")
public interface QualificationConfig {

  /**
   * Version 1 of the policy, saved the first time the policy is read: {@code bant-and-fit} (need and
   * budget required; decision maker, timeline, budget amount and fit weighted) or {@code none} (no
   * criteria: every lead passes the gate until an admin sets a policy).
   */
  @WithDefault("bant-and-fit")
  InitialPolicy initialPolicy();

  enum InitialPolicy {
    BANT_AND_FIT,
    NONE
  }
}
