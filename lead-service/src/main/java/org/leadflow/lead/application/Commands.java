package org.leadflow.lead.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.leadflow.lead.persistence.IdempotencyStore;
import org.leadflow.lead.persistence.TransientConflicts;

/**
 * Runs commands: each in one transaction, the one place where lead-service's write transactions
 * begin, and, given an {@code Idempotency-Key}, once per key.
 *
 * <p>With a key, the key is claimed first, so that a concurrent repeat waits for the first to
 * commit; the first answer is stored in the transaction that made it, and a repeat of the same
 * request gets that answer again instead of a second effect. A request that fails stores nothing (its
 * transaction rolls back) and may be retried with its key. Another caller's request with the same key
 * is a request of its own. A transaction PostgreSQL aborts for a deadlock or a serialization failure
 * is run again, from the start, up to {@link #ATTEMPTS} times in all.
 */
@ApplicationScoped
public class Commands {

  @Inject IdempotencyStore keys;
  @Inject ObjectMapper json;

  /** Attempts of a transaction PostgreSQL aborts for a deadlock or a serialization failure. */
  static final int ATTEMPTS = 3;

  /** Runs {@code command} in a transaction of its own. */
  public <C, R> Uni<R> run(CommandHandler<C, R> handler, C command) {
    return retried(() -> Uni.createFrom().deferred(() -> handler.handle(command)));
  }

  /**
   * Answers the command made by {@code command}, once per key.
   *
   * @param command makes the command; called only when the key is new (a repeat is answered from
   *     what was stored, without reading its request again)
   * @param key the request's key, or null when it has none
   * @param answer the answer to the command's result (in the transaction, so that it is stored with it)
   */
  public <C, R> Uni<Answer> run(
      CommandHandler<C, R> handler, Supplier<C> command, IdempotencyKey key, Function<R, Answer> answer) {
    if (key == null) {
      return Uni.createFrom().deferred(() -> run(handler, command.get())).map(answer);
    }
    String hash = key.requestHash();
    return retried(
        () ->
            keys.claim(key.callerId(), key.scope(), key.key(), hash)
                .chain(
                    claimed ->
                        claimed
                            ? Uni.createFrom()
                                .deferred(() -> handler.handle(command.get()))
                                .map(answer)
                                .call(first -> keys.store(
                                    key.callerId(), key.scope(), key.key(), first.status(), write(first.body()), write(first.headers())))
                            : keys.find(key.callerId(), key.scope(), key.key()).map(stored -> replay(key, hash, stored))));
  }

  /**
   * {@code work} in a transaction, begun again (at most {@link #ATTEMPTS} times in all) when PostgreSQL
   * aborted it for a deadlock or a serialization failure ({@link TransientConflicts}), as its
   * documentation asks of applications; a new attempt starts from a cleared session, so that it reads
   * what the other transaction committed rather than what the aborted one had loaded.
   */
  private static <T> Uni<T> retried(Supplier<Uni<T>> work) {
    AtomicInteger attempts = new AtomicInteger();
    return Uni.createFrom()
        .deferred(() -> {
          boolean again = attempts.getAndIncrement() > 0;
          return Panache.withTransaction(() -> again
              ? Panache.getSession().invoke(session -> session.clear()).chain(work::get)
              : work.get());
        })
        .onFailure(TransientConflicts::abortedByDatabase)
        .retry()
        .atMost(ATTEMPTS - 1);
  }

  private Answer replay(IdempotencyKey key, String hash, IdempotencyStore.Claimed stored) {
    if (!hash.equals(stored.requestHash())) {
      throw new IdempotencyKeyReusedException(key.key());
    }
    return new Answer(stored.status(), read(stored.headersJson()), stored.bodyJson(), true);
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
}
