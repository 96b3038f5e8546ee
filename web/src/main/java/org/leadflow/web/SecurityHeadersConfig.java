package org.leadflow.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The security headers every answer carries (see {@link SecurityHeaders}). */
@ConfigMapping(prefix = "leadflow.http")
public interface SecurityHeadersConfig {

  /** Strict-Transport-Security: browsers keep to HTTPS for this long (ignored over plain HTTP). */
  Hsts hsts();

  interface Hsts {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("P365D")
    Duration maxAge();

    @WithDefault("true")
    boolean includeSubdomains();
  }
}
