package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.leadflow.lead.config.LeadsConfig;

/**
 * The table {@code idempotency_key}: each caller's keys, per operation, with the hash of the request
 * that claimed them and the answer it got. Works in the caller's transaction; expired keys are
 * forgotten every hour ({@code leadflow.leads.idempotency-key-retention}).
 */
@ApplicationScoped
public class IdempotencyStore {

  @Inject LeadsConfig config;

  /** A claimed key: the hash of its request, and its answer (null until stored). */
  public record Claimed(String requestHash, Integer status, String bodyJson, String headersJson) {}

  /** Claims the key for a request; false when it was claimed before (then wait for, or read, that claim). */
  public Uni<Boolean> claim(String caller, String scope, String key, String requestHash) {
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
                    .setParameter("hash", requestHash)
                    .setParameter("at", Instant.now())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** Keeps the answer of the request that claimed the key. */
  public Uni<Integer> store(String caller, String scope, String key, int status, String bodyJson, String headersJson) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "UPDATE idempotency_key SET response_status = :status, response_body = :body,"
                            + " response_headers = cast(cast(:headers as text) as jsonb)"
                            + " WHERE caller_id = :caller AND operation = :scope AND key = :key")
                    .setParameter("caller", caller)
                    .setParameter("status", status)
                    .setParameter("body", bodyJson)
                    .setParameter("headers", headersJson)
                    .setParameter("scope", scope)
                    .setParameter("key", key)
                    .executeUpdate());
  }

  /** The claim of a key claimed before (waits for the claiming transaction to end). */
  public Uni<Claimed> find(String caller, String scope, String key) {
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
        .map(row -> new Claimed((String) row[0], (Integer) row[1], (String) row[2], (String) row[3]));
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forgetExpiredKeys() {
    Instant cutoff = Instant.now().minus(config.idempotencyKeyRetention());
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
}
