package org.leadflow.lead.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadActivityLogged;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadUpdated;
import org.leadflow.lead.application.EnrichLead;
import org.leadflow.lead.config.EnrichmentConfig;
import org.leadflow.messaging.ConsumedEventCounter;
import org.leadflow.messaging.ConsumerFailures;
import org.leadflow.messaging.ConsumerTracing;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.EventData;
import org.leadflow.messaging.Inbox;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.UnprocessableEventException;

/**
 * Enrichment after create and edit, asynchronous and event-driven (docs/enrichment.md): lead-service
 * reads its own {@code lead-events} in a consumer group of its own ({@code lead-service-enrichment},
 * channel {@code lead-enrichment}), so a request never waits for it and a failed enrichment never
 * undoes the change that caused it. Acted on: {@code created}, {@code reactivated}, {@code updated} of
 * a field enrichment reads (unless made by enrichment itself), and {@code activity-logged} of a
 * bounced email; everything else is acknowledged unread. Enrichment's own events ({@code enriched},
 * and the {@code updated} of the fields it filled) start no enrichment, so there is no loop.
 *
 * <p>Each event's effect and its inbox record commit together. The provider is asked before that
 * transaction; a provider that fails is recorded on the lead's enrichment and tried again later by
 * {@code EnrichmentRetrySchedule}, never here. Other failures (the database down, a conflict with a
 * person's edit) are retried in place with backoff, as the other consumers do; a message that is not
 * a lead event is dead-lettered.
 */
@ApplicationScoped
public class LeadEnrichmentConsumer implements EventConsumer {

  /** The channel of {@code lead-events} this consumer reads (application.properties). */
  static final String CHANNEL = "lead-enrichment";

  /** The fields whose change may change what enrichment finds. */
  private static final Set<String> READ_FIELDS =
      Set.of("email", "website", "phone", "jobTitle", "country", "companyName", "industry", "numberOfEmployees", "annualRevenue");

  @Inject Inbox inbox;
  @Inject EnrichLead enrich;
  @Inject ConsumedEventCounter consumed;
  @Inject ConsumerFailures failures;
  @Inject ConsumerTracing tracing;
  @Inject EnrichmentConfig config;

  @Override
  public String topic() {
    return EventTopics.LEAD_EVENTS;
  }

  @Override
  @Incoming(CHANNEL)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    Executor messageContext = ConsumerFailures.messageContext();
    return tracing.traced(
        record,
        "leadId",
        () ->
            Uni.createFrom()
                .item(() -> IncomingEvent.from(record))
                .chain(event -> {
                  Trigger trigger = trigger(event);
                  return trigger == Trigger.NONE ? ignore(event) : enrichOnce(record, event, trigger, messageContext);
                })
                .onFailure(UnprocessableEventException.class)
                .call(failure -> {
                  failures.deadLettered(record, failure);
                  return Uni.createFrom().voidItem();
                }));
  }

  private enum Trigger {
    NONE,
    FIELDS,
    BOUNCED_EMAIL
  }

  private Trigger trigger(IncomingEvent event) {
    return switch (event.type()) {
      case LeadEventTypes.CREATED, LeadEventTypes.REACTIVATED -> Trigger.FIELDS;
      case LeadEventTypes.UPDATED -> {
        LeadUpdated updated = read(event, LeadUpdated.class);
        boolean readField =
            updated.changes() != null && updated.changes().stream().anyMatch(change -> change.field() != null
                && (READ_FIELDS.contains(change.field()) || change.field().startsWith("attributes")));
        yield readField && !EnrichLead.ACTOR.equals(updated.updatedBy()) ? Trigger.FIELDS : Trigger.NONE;
      }
      case LeadEventTypes.ACTIVITY_LOGGED -> {
        LeadActivityLogged logged = read(event, LeadActivityLogged.class);
        yield "Email".equals(logged.type()) && "Bounced".equals(logged.outcome()) ? Trigger.BOUNCED_EMAIL : Trigger.NONE;
      }
      default -> Trigger.NONE;
    };
  }

  private Uni<Void> ignore(IncomingEvent event) {
    consumed.ignored(EventTopics.LEAD_EVENTS, event);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> enrichOnce(ConsumerRecord<String, String> record, IncomingEvent event, Trigger trigger, Executor messageContext) {
    UUID leadId = leadId(event);
    return failures
        .retryInPlace(
            record,
            messageContext,
            config.retryInitialBackoff(),
            config.retryMaxBackoff(),
            () -> enrich.lookUp(leadId, messageContext)
                .chain(lookup -> Panache.withTransaction(() -> inbox.processOnce(
                    event, () -> enrich.apply(leadId, lookup, trigger == Trigger.BOUNCED_EMAIL).replaceWith(Inbox.Outcome.PROCESSED))))
                .invoke(outcome -> consumed.processed(EventTopics.LEAD_EVENTS, event, outcome)))
        .replaceWithVoid();
  }

  private static UUID leadId(IncomingEvent event) {
    try {
      return UUID.fromString(event.subject());
    } catch (RuntimeException e) {
      throw new UnprocessableEventException(event.type() + " without a lead id as its subject: " + event.subject());
    }
  }

  private static <T> T read(IncomingEvent event, Class<T> type) {
    try {
      return EventData.read(event.data(), type);
    } catch (IOException e) {
      throw new UnprocessableEventException(event.type() + " data is not readable: " + e.getMessage());
    }
  }
}
