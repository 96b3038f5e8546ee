package org.leadflow.lead.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Takes the public capture endpoint out of the service's own CORS rules: web forms are posted from the
 * pages of each form's allowed origins, not from the CRM frontend's (quarkus.http.cors.origins). Before
 * Quarkus's CORS filter and module web's CorsRefusal see the request, this filter keeps its Origin
 * aside ({@link #of}) and removes the header, so that they let it through; {@link WebCaptureResource}
 * then applies the form's own origins, preflights included, and answers with the CORS headers.
 */
@ApplicationScoped
public class CaptureOrigin {

  static final String CAPTURE_PATH = "/api/v1/capture/";
  private static final String KEPT = "leadflow.capture.origin";
  /** Before CorsRefusal (8,500) and Quarkus's CORS filter (300). */
  private static final int PRIORITY = 9_000;

  void install(@Observes Filters filters) {
    filters.register(
        context -> {
          String origin = context.request().getHeader(HttpHeaders.ORIGIN);
          if (origin != null && context.request().path().startsWith(CAPTURE_PATH)) {
            context.put(KEPT, origin);
            context.request().headers().remove(HttpHeaders.ORIGIN);
          }
          context.next();
        },
        PRIORITY);
  }

  /** The Origin the capture request came with, or null when it had none. */
  static String of(RoutingContext context) {
    return context.get(KEPT);
  }
}
