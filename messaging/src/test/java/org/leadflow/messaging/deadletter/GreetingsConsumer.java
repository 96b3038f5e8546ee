package org.leadflow.messaging.deadletter;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.leadflow.messaging.ConsumerTracing;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.Inbox;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.Outbox;
import org.leadflow.messaging.UnprocessableEventException;

/**
 * The test application's consumer: greets the customer an event names (its {@code ce_subject}), once
 * per event through the inbox, and dead-letters a greeting for a customer it does not know, a
 * condition that stops holding once the customer is there. A greeting sent is an event of its own
 * ({@link #GREETED}, through the outbox), in the trace of the event that asked for it.
 */
@ApplicationScoped
public class GreetingsConsumer implements EventConsumer {

  public static final String TOPIC = "messaging-test.greetings";
  static final String DEAD_LETTER_TOPIC = TOPIC + ".dead-letter";
  public static final String GREETED = "leadflow.test.greeted.v1";

  private static final Logger LOG = Logger.getLogger(GreetingsConsumer.class);

  @Inject Inbox inbox;
  @Inject Outbox outbox;
  @Inject ConsumerTracing tracing;

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  @Incoming("greetings")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return tracing.traced(
        record,
        "customerId",
        () -> {
          IncomingEvent event = IncomingEvent.from(record);
          UUID customer = UUID.fromString(event.subject());
          return Panache.withTransaction(() -> inbox.processOnce(event, () -> greet(customer, event.id()))).replaceWithVoid();
        });
  }

  private Uni<Inbox.Outcome> greet(UUID customer, UUID eventId) {
    LOG.infof("Greeting customer %s", customer);
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
            })
        .call(greeted -> outbox.append("Customer", customer, GREETED, Instant.now(), Map.of("event", eventId)));
  }
}
