package org.leadflow.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs an event's effect at most once. The event id is claimed with {@code INSERT ... ON CONFLICT
 * DO NOTHING} in the caller's transaction: a concurrent duplicate waits on the first one's row and
 * then finds it taken, and a redelivery after commit finds it at once.
 *
 * <p>Only events with an effect belong here. A consumer acknowledges an event of a type it does not
 * act on without calling the inbox: a repeat of it has nothing to repeat, and its row would cost a
 * transaction per event (docs/benchmarks.md).
 */
@ApplicationScoped
public class Inbox {

  /** What became of an event given to {@link #processOnce}. */
  public enum Outcome {
    PROCESSED,
    DUPLICATE
  }

  /**
   * Claims the event and, if it is new, runs {@code effect}. Must be called inside the transaction
   * of the effect.
   *
   * @param effect the effect; answers {@link Outcome#PROCESSED}, or {@link Outcome#DUPLICATE} when
   *     the event is new but repeats an effect that is already there (a new event id for a
   *     conversion already carried out)
   */
  public Uni<Outcome> processOnce(IncomingEvent event, Supplier<Uni<Outcome>> effect) {
    return claim(event, Outcome.PROCESSED)
        .chain(
            claimed ->
                claimed
                    ? effect.get().call(outcome -> recordOutcome(event, outcome))
                    : Uni.createFrom().item(Outcome.DUPLICATE));
  }

  private Uni<Boolean> claim(IncomingEvent event, Outcome provisional) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO processed_event (event_id, type, source, subject, outcome, processed_at)"
                            + " VALUES (:id, :type, :source, :subject, :outcome, :at)"
                            + " ON CONFLICT (event_id) DO NOTHING")
                    .setParameter("id", event.id())
                    .setParameter("type", event.type())
                    .setParameter("source", event.source())
                    .setParameter("subject", event.subject())
                    .setParameter("outcome", provisional.name())
                    .setParameter("at", Instant.now())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  private Uni<Integer> recordOutcome(IncomingEvent event, Outcome outcome) {
    if (outcome == Outcome.PROCESSED) {
      return Uni.createFrom().item(0);
    }
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery("UPDATE processed_event SET outcome = :outcome WHERE event_id = :id")
                    .setParameter("outcome", outcome.name())
                    .setParameter("id", event.id())
                    .executeUpdate());
  }
}
