package org.leadflow.messaging.deadletter;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.messaging.EventConsumer;

/**
 * Re-drives a dead letter: gives its record, as it was read, to the service's consumer of its topic
 * and records the outcome. The consumer runs its normal path, inbox included, so an effect that
 * happened already is not repeated.
 *
 * <p>The dead letter's row stays locked ({@code FOR UPDATE}) while its re-drive runs: of two
 * re-drives at once, the second waits, then finds it re-driven (409) or re-drives it again if the
 * first failed.
 */
@ApplicationScoped
public class DeadLetterRedrive {

  @Inject Pool pool;
  @Inject DeadLetterStore store;
  @Inject Instance<EventConsumer> consumers;
  @Inject DeadLettersConfig config;

  /** The dead letter after the re-drive; {@code replayed} when the request repeated an earlier one. */
  public record Outcome(DeadLetter deadLetter, boolean replayed) {}

  /**
   * @param actor who asks (recorded with the outcome)
   * @param idempotencyKey the request's {@code Idempotency-Key}, or null: a repeat of the last
   *     re-drive by the same caller with the same key answers that re-drive's outcome again
   * @throws DeadLetterNotFoundException when there is no such dead letter
   * @throws DeadLetterAlreadyRedrivenException when it was re-driven successfully before
   * @throws RedriveTimedOutException when the consumer did not finish in time (nothing recorded)
   */
  public Uni<Outcome> redrive(UUID id, String actor, String idempotencyKey) {
    return pool.withTransaction(
        connection ->
            store
                .lock(connection, id)
                .chain(
                    letter -> {
                      if (letter == null) {
                        return Uni.createFrom().failure(new DeadLetterNotFoundException(id.toString()));
                      }
                      if (idempotencyKey != null
                          && idempotencyKey.equals(letter.lastRedriveKey())
                          && actor.equals(letter.lastRedrivenBy())) {
                        return Uni.createFrom().item(new Outcome(letter, true));
                      }
                      if (letter.state() == DeadLetterState.REDRIVEN) {
                        return Uni.createFrom().failure(new DeadLetterAlreadyRedrivenException(id));
                      }
                      return consume(letter)
                          .chain(failure -> store.redriven(connection, id, failure, actor, idempotencyKey))
                          .map(redriven -> new Outcome(redriven, false));
                    }));
  }

  /** Answers null when the consumer processed the record, or why it failed again. */
  private Uni<String> consume(DeadLetter letter) {
    Optional<EventConsumer> consumer =
        consumers.stream().filter(candidate -> candidate.topic().equals(letter.topic())).findFirst();
    if (consumer.isEmpty()) {
      return Uni.createFrom().item("No consumer of " + letter.topic() + " in this service");
    }
    return Uni.createFrom()
        .deferred(() -> consumer.get().consume(letter.toConsumerRecord()))
        .ifNoItem()
        .after(config.redriveTimeout())
        .failWith(() -> new RedriveTimedOutException(letter.id(), config.redriveTimeout()))
        .onItemOrFailure()
        .transformToUni(
            (processed, failure) ->
                failure instanceof RedriveTimedOutException
                    ? Uni.createFrom().failure(failure)
                    : Uni.createFrom().item(failure == null ? null : reason(failure)));
  }

  private static String reason(Throwable failure) {
    return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getName());
  }
}
