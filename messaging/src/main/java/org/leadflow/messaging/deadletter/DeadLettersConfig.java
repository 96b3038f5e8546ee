package org.leadflow.messaging.deadletter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How dead letters are recorded and re-driven. */
@ConfigMapping(prefix = "leadflow.dead-letters")
public interface DeadLettersConfig {

  /** The first wait before a dead letter that could not be recorded is tried again; it doubles. */
  @WithDefault("200ms")
  Duration recordRetryInitialBackoff();

  /** The longest wait between two tries to record a dead letter. */
  @WithDefault("15s")
  Duration recordRetryMaxBackoff();

  /**
   * How long a re-drive may take. A consumer retries a passing failure (the database is down) in
   * place; a re-drive that does not finish in this time is answered 503 and changes nothing.
   */
  @WithDefault("30s")
  Duration redriveTimeout();
}
