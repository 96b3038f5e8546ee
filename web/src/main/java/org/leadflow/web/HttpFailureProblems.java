package org.leadflow.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives a problem body to the 4xx answers the HTTP layer produces by failing a request with a
 * status (a chunked body growing past the size limit: 413; a method no route takes: 405; ...),
 * which Quarkus's own failure handler would send empty. Failures with an exception are left to it.
 */
@ApplicationScoped
public class HttpFailureProblems {

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).failureHandler(HttpFailureProblems::answer);
  }

  private static void answer(RoutingContext context) {
    int status = context.statusCode();
    if (status < 400 || status >= 500 || context.response().headWritten() || context.response().ended()) {
      context.next();
      return;
    }
    if (status == 413) {
      // The rest of the body is not read: the connection cannot carry another request.
      context.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      HttpProblems.send(context, 413, "payload-too-large", "Payload too large", "The request body is larger than this service accepts");
    } else {
      HttpProblems.send(context, status, "The HTTP server refused the request");
    }
  }
}
