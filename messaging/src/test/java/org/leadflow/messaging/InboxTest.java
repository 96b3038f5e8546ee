package org.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.devstack.InfrastructureTestResource;
import org.leadflow.devstack.tokens.TokenTestResource;
import org.leadflow.messaging.Inbox.Outcome;

/**
 * The inbox on the test application's PostgreSQL, with an effect of the test consumer's kind: a
 * greeting written for a known customer.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "messaging"))
@QuarkusTestResource(TokenTestResource.class)
class InboxTest {

  @Inject Inbox inbox;

  private UUID customer;

  @BeforeEach
  void knownCustomer() {
    customer = UUID.randomUUID();
    TestDatabase.execute("INSERT INTO customer (id) VALUES (?)", customer);
  }

  @Test
  void anEventIsProcessedOnceAndItsRepeatIsADuplicateWithoutAnEffect() {
    IncomingEvent event = event();

    assertThat(processInTransaction(event, () -> greet(event))).isEqualTo(Outcome.PROCESSED);
    assertThat(processInTransaction(event, () -> greet(event))).isEqualTo(Outcome.DUPLICATE);

    assertThat(greetings(event)).isEqualTo(1);
    assertThat(TestDatabase.column("SELECT outcome FROM processed_event WHERE event_id = ?", event.id())).containsExactly("PROCESSED");
    assertThat(TestDatabase.column("SELECT type FROM processed_event WHERE event_id = ?", event.id())).containsExactly(event.type());
  }

  @Test
  void theSameEventArrivingTwiceAtOnceHasOneEffect() {
    IncomingEvent event = event();

    List<Outcome> outcomes =
        IntStream.range(0, 2)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> processInTransaction(event, () -> greet(event))))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();

    assertThat(outcomes).containsExactlyInAnyOrder(Outcome.PROCESSED, Outcome.DUPLICATE);
    assertThat(greetings(event)).isEqualTo(1);
  }

  @Test
  void aFailingEffectLeavesNeitherItsChangesNorTheInboxRowSoTheEventCanBeProcessedAgain() {
    IncomingEvent event = event();

    assertThatThrownBy(() -> processInTransaction(event, () -> greet(event).chain(greeted -> Uni.createFrom().failure(new IllegalStateException("effect failed")))))
        .hasRootCauseMessage("effect failed");

    assertThat(greetings(event)).isZero();
    assertThat(TestDatabase.count("SELECT count(*) FROM processed_event WHERE event_id = ?", event.id())).isZero();
    assertThat(processInTransaction(event, () -> greet(event))).isEqualTo(Outcome.PROCESSED);
    assertThat(greetings(event)).isEqualTo(1);
  }

  @Test
  void aNewEventWhoseEffectWasAlreadyThereIsRecordedAsADuplicate() {
    IncomingEvent event = event();

    assertThat(processInTransaction(event, () -> Uni.createFrom().item(Outcome.DUPLICATE))).isEqualTo(Outcome.DUPLICATE);

    assertThat(TestDatabase.column("SELECT outcome FROM processed_event WHERE event_id = ?", event.id())).containsExactly("DUPLICATE");
  }

  private IncomingEvent event() {
    return new IncomingEvent(UUID.randomUUID(), "leadflow.test.greeting.v1", "/leadflow/test", customer.toString(), "{}");
  }

  private Outcome processInTransaction(IncomingEvent event, Supplier<Uni<Outcome>> effect) {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.processOnce(event, effect)));
    } catch (Throwable e) {
      throw new IllegalStateException("Processing " + event.id() + " failed", e);
    }
  }

  private Uni<Outcome> greet(IncomingEvent event) {
    return Panache.getSession()
        .chain(session -> session
            .createNativeQuery("INSERT INTO greeting (customer_id, event_id) VALUES (:customer, :event)")
            .setParameter("customer", customer)
            .setParameter("event", event.id())
            .executeUpdate())
        .replaceWith(Outcome.PROCESSED);
  }

  private static long greetings(IncomingEvent event) {
    return TestDatabase.count("SELECT count(*) FROM greeting WHERE event_id = ?", event.id());
  }
}
