package org.leadflow.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a 400 problem naming each, the path parameters, query parameters and headers the
 * APIs read whose (decoded) text {@link RequestText} does not accept, e.g. {@code q=%00}: JSON bodies
 * are checked by the JSON mapper, everything else that reaches an endpoint here.
 */
@ApplicationScoped
public class RequestTextFilter {

  /** The headers an endpoint reads as text. */
  static final List<String> HEADERS = List.of("Idempotency-Key", "If-Match");

  @ServerRequestFilter
  public void check(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    List<FieldError> errors = new ArrayList<>();
    MultivaluedMap<String, String> query;
    try {
      query = uri.getQueryParameters(true);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(List.of(new FieldError("query", "is not valid percent-encoding")));
    }
    collect(uri.getPathParameters(true), errors);
    collect(query, errors);
    for (String header : HEADERS) {
      if (!RequestText.isAcceptable(request.getHeaderString(header))) {
        errors.add(new FieldError(header, RequestText.REFUSAL));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (!RequestText.isAcceptable(parameter.getKey()) || parameter.getValue().stream().anyMatch(value -> !RequestText.isAcceptable(value))) {
        errors.add(new FieldError(RequestText.printable(parameter.getKey()), RequestText.REFUSAL));
      }
    }
  }
}
