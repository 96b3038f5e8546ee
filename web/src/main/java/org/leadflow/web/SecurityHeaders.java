package org.leadflow.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security headers on every answer, errors included: no MIME sniffing, no framing, no referrer, HTTPS
 * only (configurable), and no caching of API answers, which carry personal data. Installed as an
 * HTTP filter rather than a JAX-RS one so that answers given before JAX-RS (401, 413) get them too.
 */
@ApplicationScoped
public class SecurityHeaders {

  static final String API_PATH = "/api/";
  /** Before everything else that may answer. */
  private static final int PRIORITY = 10_000;

  @Inject HttpConfig config;

  void install(@Observes Filters filters) {
    String hsts = hsts();
    filters.register(
        context -> {
          context.addHeadersEndHandler(ignored -> add(context, hsts));
          context.next();
        },
        PRIORITY);
  }

  private static void add(RoutingContext context, String hsts) {
    MultiMap headers = context.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    if (!headers.contains("Content-Security-Policy")) {
      headers.set("Content-Security-Policy", "frame-ancestors 'none'");
    }
    if (hsts != null) {
      headers.set("Strict-Transport-Security", hsts);
    }
    if (context.normalizedPath().startsWith(API_PATH)) {
      headers.set("Cache-Control", "no-store");
    }
  }

  private String hsts() {
    if (!config.hsts().enabled()) {
      return null;
    }
    return "max-age=" + config.hsts().maxAge().toSeconds() + (config.hsts().includeSubdomains() ? "; includeSubDomains" : "");
  }
}
