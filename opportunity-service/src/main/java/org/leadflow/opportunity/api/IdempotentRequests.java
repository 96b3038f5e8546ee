package org.leadflow.opportunity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadflow.web.security.CurrentCaller;

/**
 * {@code Idempotency-Key} (docs/architecture.md, section REST conventions): the first answer to a key is stored in the
 * transaction that made it, and a repeat of the same request gets that answer again instead of a
 * second effect. The key is claimed first, so a concurrent repeat waits for the first to commit. A
 * request that fails stores nothing (its transaction rolls back) and may be retried with its key.
 * A key belongs to the caller who sent it: another caller's request with the same key is a request
 * of its own, and never gets the first caller's answer.
 */
@ApplicationScoped
public class IdempotentRequests {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 200;
  private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

  @Inject ObjectMapper json;
  @ConfigProperty(name = "leadflow.opportunities.idempotency-key-retention", defaultValue = "PT24H")
  Duration retention;
  @Inject CurrentCaller callers;

  /**
   * Answers {@code operation}'s response, once per {@code key}.
   *
   * @param scope what the key is for, e.g. {@code add-line:<opportunity id>} or {@code win:<opportunity id>}
   * @param request the request as received, to tell a repeat from a different request
   */
  public Uni<Response> run(String scope, String key, Object request, Supplier<Uni<Response>> operation) {
    if (key == null) {
      return operation.get();
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw new InvalidRequestException(
          List.of(new FieldError(HEADER, "must have 1 to " + MAX_KEY_LENGTH + " characters")));
    }
    String hash = hash(scope, request);
    String caller = callers.get().id();
    return Panache.withTransaction(
        () ->
            claim(caller, scope, key, hash)
                .chain(
                    claimed ->
                        claimed
                            ? operation.get().call(response -> store(caller, scope, key, response))
                            : replay(caller, scope, key, hash)));
  }

  private Uni<Boolean> claim(String caller, String scope, String key, String hash) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO idempotency_key (caller_id, operation, key, request_hash, created_at)"
                            + " VALUES (:caller, :scope, :key, :hash, :at) ON CONFLICT DO NOTHING")
                    .setParameter("caller", caller)
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .setParameter("hash", hash)
                    .setParameter("at", Instant.now())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private Uni<Integer> store(String caller, String scope, String key, Response response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE idempotency_key SET response_status = :status, response_body = :body,"
                            + " response_headers = cast(cast(:headers as text) as jsonb)"
                            + " WHERE caller_id = :caller AND operation = :scope AND key = :key")
                    .setParameter("caller", caller)
                    .setParameter("status", response.getStatus())
                    .setParameter("body", write(response.getEntity()))
                    .setParameter("headers", write(headers))
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .executeUpdate());
  }

  private Uni<Response> replay(String caller, String scope, String key, String hash) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "SELECT request_hash, response_status, response_body, response_headers::text"
                            + " FROM idempotency_key WHERE caller_id = :caller AND operation = :scope AND key = :key",
                        Object[].class)
                    .setParameter("caller", caller)
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .getSingleResult())
        .map(
            row -> {
              if (!hash.equals(row[0])) {
                throw new IdempotencyKeyReusedException(key);
              }
              Response.ResponseBuilder replayed =
                  Response.status((Integer) row[1])
                      .entity(row[2])
                      .type(MediaType.APPLICATION_JSON)
                      .header(REPLAYED_HEADER, "true");
              read((String) row[3]).forEach(replayed::header);
              return replayed.build();
            });
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forgetExpiredKeys() {
    Instant cutoff = Instant.now().minus(retention);
    return Panache.withTransaction(
            () ->
                Panache.getSession()
                    .chain(
                        session ->
                            session
                                .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                                .setParameter("cutoff", cutoff)
                                .executeUpdate()))
        .replaceWithVoid();
  }

  private String hash(String scope, Object request) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(scope.getBytes(StandardCharsets.UTF_8));
      sha256.update(write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write as JSON: " + value, e);
    }
  }

  private Map<String, String> read(String headers) {
    try {
      return headers == null ? Map.of() : json.readValue(headers, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored headers are not JSON: " + headers, e);
    }
  }

  /** The key was used before for a different request (422). */
  public static class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String key) {
      super("Idempotency-Key '" + key + "' was already used for a different request");
    }
  }
}
