package org.leadflow.lead.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.lead.application.Answer;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.IdempotencyKey;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.security.CurrentCaller;

/**
 * The HTTP side of {@code Idempotency-Key} (docs/architecture.md, section REST conventions): reads the
 * header into the key {@link Commands} runs a command once for, and turns a command's answer, first or
 * replayed, into the response.
 */
@ApplicationScoped
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 200;

  @Inject ObjectMapper json;
  @Inject CurrentCaller callers;

  /**
   * The request's key, or null when it has none.
   *
   * @param scope what the key is for, e.g. {@code create-lead} or {@code disqualify:<lead id>}
   * @param request the request as received, to tell a repeat from a different request
   */
  public IdempotencyKey key(String scope, String header, Object request) {
    return header == null ? null : keyOfJson(scope, header, json(request));
  }

  /** As {@link #key}, for a request already written as JSON with {@link #json}. */
  public IdempotencyKey keyOfJson(String scope, String header, String requestJson) {
    if (header == null) {
      return null;
    }
    if (header.isBlank() || header.length() > MAX_KEY_LENGTH) {
      throw new InvalidRequestException(
          List.of(new FieldError(HEADER, "must have 1 to " + MAX_KEY_LENGTH + " characters")));
    }
    return new IdempotencyKey(callers.get().id(), scope, header, requestJson);
  }

  /** The request as JSON: what a key's repeat is compared with. */
  public String json(Object request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write as JSON: " + request, e);
    }
  }

  /** 200 with the body, and the lead's version as ETag. */
  static Answer ok(Object body, long version) {
    return Answer.of(200, Map.of(HttpHeaders.ETAG, Preconditions.etag(version).toString()), body);
  }

  /** 201 with the body, where it is and, when it has one, its version as ETag. */
  static Answer created(URI location, Object body, Long version) {
    return created(location, body, version, Map.of());
  }

  /** {@link #created(URI, Object, Long)} with more headers, kept for a replay as well. */
  static Answer created(URI location, Object body, Long version, Map<String, String> more) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HttpHeaders.LOCATION, location.toString());
    if (version != null) {
      headers.put(HttpHeaders.ETAG, Preconditions.etag(version).toString());
    }
    headers.putAll(more);
    return Answer.of(201, headers, body);
  }

  /** The response of an answer; a replayed one says so in {@value #REPLAYED_HEADER}. */
  static Response response(Answer answer) {
    Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
    if (answer.replayed()) {
      response.type(MediaType.APPLICATION_JSON).header(REPLAYED_HEADER, "true");
    }
    answer.headers().forEach(response::header);
    return response.build();
  }
}
