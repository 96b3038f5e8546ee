package org.leadflow.messaging.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.Inbox;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.UnprocessableEventException;

/**
 * The test application's consumer: greets the customer an event names (its {@code ce_subject}), once
 * per event through the inbox, and dead-letters a greeting for a customer it does not know, a
 * condition that stops holding once the customer is there.
 */
@ApplicationScoped
public class GreetingsConsumer implements EventConsumer {

  static final String TOPIC = "messaging-test.greetings";
  static final String DEAD_LETTER_TOPIC = TOPIC + ".dead-letter";

  @Inject Inbox inbox;

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  @Incoming("greetings")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event = IncomingEvent.from(record);
    UUID customer = UUID.fromString(event.subject());
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> greet(customer, event.id()))).replaceWithVoid();
  }

  private Uni<Inbox.Outcome> greet(UUID customer, UUID eventId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "INSERT INTO greeting (customer_id, event_id) SELECT :customer, :event"
                            + " WHERE EXISTS (SELECT 1 FROM customer WHERE id = :customer)")
                    .setParameter("customer", customer)
                    .setParameter("event", eventId)
                    .executeUpdate())
        .map(
            greeted -> {
              if (greeted == 0) {
                throw new UnprocessableEventException("Unknown customer " + customer);
              }
              return Inbox.Outcome.PROCESSED;
            });
  }
}
