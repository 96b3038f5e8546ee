package org.leadflow.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses, with a problem, requests whose shape no endpoint accepts, before anything else reads
 * them: a request target longer than {@code leadflow.http.max-uri-length} (414), headers larger
 * than {@code leadflow.http.max-header-size} (431), and an API request with a body but without
 * Content-Type or with one that is not JSON (415; JAX-RS would otherwise read it as JSON), but for
 * an HTML form's body on the paths of {@code leadflow.http.form-body-paths}. The HTTP server's own limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are set higher, as
 * a backstop: past those the server itself answers, with an empty body (see web/README.md).
 */
@ApplicationScoped
public class RequestShape {

  /** After the security headers, before the body size limit. */
  private static final int PRIORITY = 9_500;

  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  @Inject HttpConfig config;

  void install(@Observes Filters filters) {
    int maxUriLength = config.maxUriLength();
    int maxHeaderSize = config.maxHeaderSize();
    List<String> formBodyPaths = config.formBodyPaths().orElse(List.of());
    List<String> uploads = config.largeBodyPaths().orElse(List.of());
    filters.register(
        context -> {
          HttpServerRequest request = context.request();
          if (request.uri().length() > maxUriLength) {
            HttpProblems.send(context, 414, "The request target (path and query) is longer than " + maxUriLength + " characters");
          } else if (headerSize(request) > maxHeaderSize) {
            HttpProblems.send(context, 431, "The request headers are larger than " + maxHeaderSize + " bytes");
          } else if (HttpProblems.isApi(context) && WITH_BODY.contains(request.method()) && hasBody(request) && !hasContentType(request)) {
            HttpProblems.send(
                context,
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                "A request body needs a Content-Type header, e.g. application/json");
          } else if (HttpProblems.isApi(context) && WITH_BODY.contains(request.method()) && hasBody(request) && !isJson(request)
              && !(isForm(request) && formBodyPaths.stream().anyMatch(request.path()::startsWith))
              && !(isMultipart(request) && BodySizeLimit.isUpload(context, uploads))) {
            // Every API body is JSON (an upload: multipart/form-data; a web form's capture: an HTML
            // form's body); an endpoint whose body is optional would otherwise read any type.
            HttpProblems.send(
                context,
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                "A request body must be JSON: Content-Type application/json (application/merge-patch+json for PATCH)");
          } else {
            context.next();
          }
        },
        PRIORITY);
  }

  private static long headerSize(HttpServerRequest request) {
    long size = 0;
    for (Map.Entry<String, String> header : request.headers()) {
      size += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
    }
    return size;
  }

  private static boolean hasBody(HttpServerRequest request) {
    if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return true;
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length != null && Long.parseLong(length.strip()) > 0;
    } catch (NumberFormatException e) {
      return false; // not a length: the HTTP server refuses the request
    }
  }

  /** application/json, or a JSON-based type such as application/merge-patch+json, with any parameters. */
  private static boolean isJson(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE).strip().toLowerCase(java.util.Locale.ROOT);
    int parameters = type.indexOf(';');
    String essence = (parameters < 0 ? type : type.substring(0, parameters)).strip();
    return essence.equals("application/json") || essence.startsWith("application/") && essence.endsWith("+json");
  }

  /** An HTML form's body: application/x-www-form-urlencoded or multipart/form-data. */
  private static boolean isForm(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE).strip().toLowerCase(java.util.Locale.ROOT);
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
  }

  private static boolean isMultipart(HttpServerRequest request) {
    return request.getHeader(HttpHeaders.CONTENT_TYPE).strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
  }

  private static boolean hasContentType(HttpServerRequest request) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    return type != null && !type.isBlank();
  }
}
