package org.leadflow.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP baseline's settings: the security headers every answer carries ({@link SecurityHeaders})
 * and the request limits answered with a problem ({@link RequestShape}, {@link BodySizeLimit}).
 */
@ConfigMapping(prefix = "leadflow.http")
public interface HttpConfig {

  /** Longest request target (path and query); longer is a 414 problem. */
  @WithDefault("4096")
  int maxUriLength();

  /** Most bytes of request headers (names and values); more is a 431 problem. */
  @WithDefault("20480")
  int maxHeaderSize();

  /**
   * Path prefixes of public endpoints that take HTML forms besides JSON (a web form's capture
   * endpoint): application/x-www-form-urlencoded and multipart/form-data bodies are let through there.
   */
  Optional<List<String>> formBodyPaths();
  /** Largest request body of the API; larger is a 413 problem ({@link BodySizeLimit}). */
  @WithDefault("1M")
  MemorySize maxBodySize();

  /**
   * Paths (and the paths under them) that take uploads: their bodies may be as large as {@code
   * quarkus.http.limits.max-body-size}, which the HTTP server enforces for every request.
   */
  Optional<List<String>> largeBodyPaths();

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
