package org.leadflow.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Writes events through the module's {@link Outbox}, each in its own transaction, as a service
 * does: the events of one aggregate one after the other (a service serialises the changes of one
 * aggregate by its version), those of different aggregates at the same time.
 */
final class OutboxWriter {

  static final String TYPE = "leadflow.test.counted.v1";

  private OutboxWriter() {}

  /** Appends {@code perAggregate} events numbered 0.. for each aggregate; answers when all are committed. */
  static void appendConcurrently(Outbox outbox, List<UUID> aggregates, int perAggregate) {
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (UUID aggregate : aggregates) {
      writers.add(
          CompletableFuture.runAsync(
              () -> IntStream.range(0, perAggregate).forEach(n -> append(outbox, aggregate, n))));
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();
  }

  /** Appends {@code drafts} in one transaction and one statement; answers when they are committed. */
  static void appendAll(Outbox outbox, List<Outbox.Draft> drafts) {
    try {
      VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.appendAll(drafts)));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not append " + drafts.size() + " events", e);
    }
  }

  static OutboxEvent append(Outbox outbox, UUID aggregate, int n) {
    try {
      return VertxContextSupport.subscribeAndAwait(
          () -> Panache.withTransaction(() -> outbox.append("Counted", aggregate, TYPE, Instant.now(), Map.of("n", n))));
    } catch (Throwable e) {
      throw new IllegalStateException("Could not append event " + n + " of " + aggregate, e);
    }
  }
}
