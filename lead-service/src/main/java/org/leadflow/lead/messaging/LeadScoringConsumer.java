package org.leadflow.lead.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.lead.application.AgentRuns;
import org.leadflow.lead.application.ScoreLead;
import org.leadflow.lead.config.ScoringConfig;
import org.leadflow.messaging.ConsumedEventCounter;
import org.leadflow.messaging.ConsumerFailures;
import org.leadflow.messaging.ConsumerTracing;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.Inbox;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.UnprocessableEventException;

/**
 * Scores a lead again whenever it or its activities change (docs/scoring.md): lead-service reads its
 * own {@code lead-events} in a consumer group of its own ({@code lead-service-scoring}, channel
 * {@code lead-scoring}), so a request never waits for a score. Acted on: {@code created}, {@code
 * updated}, {@code activity-logged}, {@code reactivated}, {@code enriched}, {@code disqualified} and
 * {@code qualified}; scoring's own {@code scored} and the rest are acknowledged unread, so there is no
 * loop. The score and its event commit together. No inbox record: scoring an event again repeats
 * nothing (the same lead scores the same, and an unchanged score publishes nothing), and the inbox's
 * key, the event id, is enrichment's for the same events. Failures are retried in place with backoff
 * as the other consumers do; a message that is not a lead event is dead-lettered.
 */
@ApplicationScoped
public class LeadScoringConsumer implements EventConsumer {

  static final String CHANNEL = "lead-scoring";

  private static final Set<String> SCORED_AFTER =
      Set.of(
          LeadEventTypes.CREATED,
          LeadEventTypes.UPDATED,
          LeadEventTypes.ACTIVITY_LOGGED,
          LeadEventTypes.REACTIVATED,
          LeadEventTypes.ENRICHED,
          LeadEventTypes.DISQUALIFIED,
          LeadEventTypes.QUALIFIED);

  @Inject ScoreLead scoreLead;
  @Inject ScoringConfig config;
  @Inject AgentRuns agents;
  @Inject ConsumedEventCounter consumed;
  @Inject ConsumerFailures failures;
  @Inject ConsumerTracing tracing;

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
                .chain(event -> config.rescoreOnEvents() && SCORED_AFTER.contains(event.type()) ? scoreOnce(record, event, messageContext) : ignore(event))
                .onFailure(UnprocessableEventException.class)
                .call(failure -> {
                  failures.deadLettered(record, failure);
                  return Uni.createFrom().voidItem();
                }));
  }

  private Uni<Void> ignore(IncomingEvent event) {
    consumed.ignored(EventTopics.LEAD_EVENTS, event);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> scoreOnce(ConsumerRecord<String, String> record, IncomingEvent event, Executor messageContext) {
    UUID leadId = leadId(event);
    return failures
        .retryInPlace(
            record,
            messageContext,
            Duration.ofMillis(200),
            Duration.ofSeconds(15),
            () -> scoreLead.compute(leadId)
                .chain(score -> score
                    .map(found -> Panache.withTransaction(() -> scoreLead.store(found).chain(() -> agents.afterScoreChange(leadId))))
                    .orElse(Uni.createFrom().voidItem()))
                .invoke(() -> consumed.processed(EventTopics.LEAD_EVENTS, event, Inbox.Outcome.PROCESSED)))
        .replaceWithVoid();
  }

  private static UUID leadId(IncomingEvent event) {
    try {
      return UUID.fromString(event.subject());
    } catch (RuntimeException e) {
      throw new UnprocessableEventException(event.type() + " without a lead id as its subject: " + event.subject());
    }
  }
}
