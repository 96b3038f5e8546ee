package org.leadflow.opportunity.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.leadflow.contracts.EventTopics;

/**
 * Consumes {@code lead-events}. Each event's effect and its inbox record commit in one transaction;
 * the offset is committed after that (the returned Uni completes), so a crash in between only
 * causes a redelivery that the inbox turns into a no-op.
 *
 * <p>Lead events other than those this service acts on are recorded as ignored: consumers of
 * {@code lead-events} must tolerate event types they do not know.
 */
@ApplicationScoped
public class LeadEventsConsumer {

  private static final Logger LOG = Logger.getLogger(LeadEventsConsumer.class);

  @Inject Inbox inbox;
  @Inject MeterRegistry registry;

  @Incoming(EventTopics.LEAD_EVENTS)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event = IncomingEvent.from(record);
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> handle(event)))
        .invoke(outcome -> count(event, outcome))
        .onFailure(UnprocessableEventException.class)
        .invoke(failure -> LOG.warnf("Dead-lettering event %s: %s", event.id(), failure.getMessage()))
        .replaceWithVoid();
  }

  private Uni<Inbox.Outcome> handle(IncomingEvent event) {
    // No lead event type has an effect here yet: LeadQualified gains one with the conversion.
    return Uni.createFrom().item(Inbox.Outcome.IGNORED);
  }

  private void count(IncomingEvent event, Inbox.Outcome outcome) {
    registry
        .counter("leadflow.events.consumed", "topic", EventTopics.LEAD_EVENTS, "type", event.type(), "outcome", outcome.name().toLowerCase())
        .increment();
  }
}
