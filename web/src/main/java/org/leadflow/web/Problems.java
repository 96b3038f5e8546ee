package org.leadflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.web.json.RefusedValueException;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.RateLimitExceededException;

/**
 * Where failures that any LeadFlow API can meet become problem+json answers: validation, malformed
 * JSON, HTTP-level refusals (404 route, 405, 415, ...), security (401 without a valid bearer token,
 * 403 without the role, 429 past the request budget) and unexpected errors (500 with a correlation
 * id, nothing internal; 503 with Retry-After when the database or the broker is unavailable). Each service adds the mappers of its own failures, built with {@link #answer}.
 */
public class Problems {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://leadflow.org/problems/";
  private static final String BODY = "body";
  private static final Logger LOG = Logger.getLogger(Problems.class);
  /** Long enough for a restarted PostgreSQL or broker to take connections again (a few seconds). */
  static final int OUTAGE_RETRY_AFTER_SECONDS = 5;

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException failure, UriInfo uri) {
    List<FieldError> errors =
        failure.getConstraintViolations().stream()
            .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    return invalid(errors, uri);
  }

  @ServerExceptionMapper
  public Response invalidRequest(InvalidRequestException failure, UriInfo uri) {
    return invalid(failure.errors(), uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException failure, UriInfo uri) {
    FieldError error = fieldError(failure);
    if (error.field().equals(BODY)) {
      return answer(
          400, "invalid-json", "Malformed request body", "The request body is not valid JSON", uri, null, null);
    }
    return answer(
        400,
        "invalid-json",
        "Malformed request body",
        error.field() + " " + error.message(),
        uri,
        List.of(error),
        null);
  }

  /**
   * The member of the body a JSON failure is about, with what is wrong with it; {@code body} when
   * the failure is about no member in particular.
   */
  public static FieldError fieldError(JsonProcessingException failure) {
    // A stream failure (a duplicate member, a number beyond its type) knows where the parser stood,
    // also when Jackson wrapped it into a mapping failure on the way out.
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException read && read.getProcessor() != null) {
        FieldError located = located(read);
        if (located != null) {
          return located;
        }
      }
    }
    if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(ref -> ref.getFieldName() != null ? RequestText.printable(ref.getFieldName()) : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message;
      if (failure instanceof UnrecognizedPropertyException) {
        message = "is not a field of this request";
      } else if (failure instanceof RefusedValueException refused) {
        message = refused.reason();
      } else {
        message = "has the wrong type or format";
      }
      return new FieldError(field, message);
    }
    return new FieldError(BODY, "is not valid JSON");
  }

  private static FieldError located(StreamReadException failure) {
    String field = location(failure.getProcessor().getParsingContext());
    if (field.isEmpty()) {
      return null;
    }
    if (failure instanceof InputCoercionException) {
      return new FieldError(field, "is beyond the range of its type");
    }
    if (failure.getOriginalMessage() != null && failure.getOriginalMessage().startsWith("Duplicate field")) {
      return new FieldError(field, "appears more than once");
    }
    return null;
  }

  /** "opportunity.lines[2].quantity" for where a parser stands; empty at the top level. */
  private static String location(JsonStreamContext context) {
    java.util.Deque<String> steps = new java.util.ArrayDeque<>();
    for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
      if (step.inObject() && step.getCurrentName() != null) {
        steps.addFirst("." + RequestText.printable(step.getCurrentName()));
      } else if (step.inArray() && step.getCurrentIndex() >= 0) {
        steps.addFirst("[" + step.getCurrentIndex() + "]");
      }
    }
    String path = String.join("", steps);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** Quarkus maps this subtype itself unless the application names it. */
  @ServerExceptionMapper
  public Response wrongType(MismatchedInputException failure, UriInfo uri) {
    return unreadableJson(failure, uri);
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException failure, UriInfo uri) {
    if (failure.getCause() instanceof JsonProcessingException unreadable) {
      return unreadableJson(unreadable, uri);
    }
    int status = failure.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(failure, uri);
    }
    Response.StatusType statusType = Response.Status.fromStatusCode(status);
    String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
    return answer(
        status,
        slug(title),
        title,
        failure.getMessage(),
        uri,
        null,
        null);
  }

  /** No bearer token at all (RFC 6750: the challenge names the scheme and nothing else). */
  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException failure, UriInfo uri) {
    return Response.fromResponse(
            answer(401, "unauthenticated", "Authentication required", "This API needs a bearer token (Authorization: Bearer ...)", uri, null, null))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  /** A token that is expired, malformed, wrongly signed, or for another issuer or audience. */
  @ServerExceptionMapper
  public Response invalidToken(AuthenticationFailedException failure, UriInfo uri) {
    LOG.debugf(failure, "Bearer token refused on %s", uri.getPath());
    return Response.fromResponse(
            answer(
                401,
                "invalid-token",
                "Invalid bearer token",
                "The bearer token is expired, malformed, not signed by a trusted key, or not issued for this API",
                uri,
                null,
                null))
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException failure, UriInfo uri) {
    return answer(403, "forbidden", "Forbidden", "The caller's roles do not allow this", uri, null, null);
  }

  @ServerExceptionMapper
  public Response keyReused(IdempotentRequests.IdempotencyKeyReusedException failure, UriInfo uri) {
    return answer(422, "idempotency-key-reused", "Idempotency-Key reused", failure.getMessage(), uri, null, null);
  }

  /** An edit without If-Match (RFC 6585). */
  @ServerExceptionMapper
  public Response preconditionRequired(IfMatch.PreconditionRequiredException failure, UriInfo uri) {
    return answer(428, "precondition-required", "If-Match required", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response actionForbidden(ActionForbiddenException failure, UriInfo uri) {
    return answer(403, "forbidden", "Forbidden", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response tooManyRequests(RateLimitExceededException failure, UriInfo uri) {
    return Response.fromResponse(
            answer(429, "rate-limited", "Too many requests", failure.getMessage(), uri, null, null))
        .header(HttpHeaders.RETRY_AFTER, failure.retryAfterSeconds())
        .build();
  }

  /**
   * Unexpected failures are 500, except a passing outage of the database or the broker ({@link
   * DependencyOutage}): 503 with {@code Retry-After}, so that a client knows trying again is right
   * (the request changed nothing, or its transaction's outcome is read back by retrying it with its
   * Idempotency-Key).
   */
  @ServerExceptionMapper
  public Response unexpected(Throwable failure, UriInfo uri) {
    String correlationId = UUID.randomUUID().toString();
    if (DependencyOutage.causedBy(failure)) {
      LOG.warnf("Dependency unavailable on %s (correlation id %s): %s", uri.getPath(), correlationId, failure);
      return Response.fromResponse(
              answer(
                  503,
                  "service-unavailable",
                  "Service unavailable",
                  "A database or message broker this request needs is unavailable for the moment; try again after Retry-After seconds",
                  uri,
                  null,
                  correlationId))
          .header(HttpHeaders.RETRY_AFTER, OUTAGE_RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.errorf(failure, "Unexpected failure on %s (correlation id %s)", uri.getPath(), correlationId);
    return answer(
        500,
        "internal",
        "Internal error",
        "The request could not be completed; quote the correlation id when reporting it",
        uri,
        null,
        correlationId);
  }

  private static Response invalid(List<FieldError> errors, UriInfo uri) {
    String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
    return answer(400, "validation", "Invalid request", detail, uri, errors, null);
  }

  public static Response answer(
      int status,
      String type,
      String title,
      String detail,
      UriInfo uri,
      List<FieldError> errors,
      String correlationId) {
    return Response.status(status)
        .type(MEDIA_TYPE)
        .entity(
            new Problem(
                TYPE_BASE + type, title, status, detail, RequestText.printable(uri.getPath()), errors, correlationId))
        .build();
  }

  /** "create.request.email" → "email"; "list.parameters.size" → "size". */
  private static String fieldName(ConstraintViolation<?> violation) {
    List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
    return nodes.stream()
        .filter(node -> node.getKind() == ElementKind.PROPERTY)
        .map(node -> node.getName())
        .collect(Collectors.joining("."))
        .transform(path -> path.isEmpty() ? nodes.get(nodes.size() - 1).getName() : path);
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
