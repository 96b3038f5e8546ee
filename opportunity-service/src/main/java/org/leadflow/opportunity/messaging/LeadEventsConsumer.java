package org.leadflow.opportunity.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.opportunity.config.LeadEventsConfig;
import org.leadflow.opportunity.domain.LeadFunnelFact;
import org.leadflow.opportunity.service.LeadConversion;
import org.leadflow.opportunity.service.PipelineView;
import org.leadflow.messaging.ConsumedEventCounter;
import org.leadflow.messaging.ConsumerFailures;
import org.leadflow.messaging.ConsumerTracing;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.Inbox;

/**
 * Consumes {@code lead-events}. Once a message's headers are known to make a CloudEvent, its {@code
 * ce_type} decides: {@code leadflow.lead.qualified.v1} is converted ({@link LeadConversion});
 * {@code created}, {@code qualified} and an {@code updated} that gives the lead another owner are
 * recorded for the funnel ({@link PipelineView}: one upsert by lead id, which repeats leave as they
 * are, so without an inbox row). Every other type, and an update that changes no owner, those this
 * service does not know included (consumers of {@code lead-events} must tolerate them), is counted as
 * ignored and acknowledged at once, no transaction opened: an event without effect needs no
 * deduplication.
 *
 * <p>A qualified event's effect, its inbox record and its funnel fact commit in one transaction; the offset is
 * committed after that (the returned Uni completes), so a crash in between only causes a
 * redelivery that the inbox turns into a no-op.
 *
 * <p>Failures are of two kinds, told apart here rather than by the connector:
 *
 * <ul>
 *   <li>{@link UnprocessableEventException}: the message cannot be answered at all (not a CloudEvent,
 *       whatever its type; data that is not a LeadQualified, or without its lead or conversion id;
 *       headers the inbox cannot hold). The returned Uni
 *       fails, SmallRye nacks the message, and the channel's {@code
 *       failure-strategy=dead-letter-queue} sends it to {@code lead-events.dead-letter} with the
 *       reason in the {@code dead-letter-reason} header; consumption goes on.
 *   <li>anything else (the database is down, a serialization conflict, a lost connection): it may
 *       pass, so it must neither dead-letter nor skip the event. The attempt is retried in place,
 *       indefinitely, with exponential backoff. The connector's failure strategies offer no such
 *       option ({@code fail} stops the consumer for good, {@code ignore} and {@code
 *       dead-letter-queue} move past the event, {@code delayed-retry-topic} reorders one lead's
 *       events), so no such failure ever reaches the connector. While one event is retried, the
 *       ones behind it wait: they may depend on it.
 * </ul>
 *
 * <p>Business failures (an unknown existing account, mixed currencies, an incomplete event, ...) are
 * neither: they are outcomes, answered with {@code conversion-failed} in the same transaction. So are
 * values the database refuses (SQLSTATE class 22) that no check caught: the attempt rolls back, and
 * a new transaction answers {@code conversion-failed} ({@code data-refused}) with the inbox entry.
 */
@ApplicationScoped
public class LeadEventsConsumer implements EventConsumer {

  private static final Logger LOG = Logger.getLogger(LeadEventsConsumer.class);

  @Inject Inbox inbox;
  @Inject LeadConversion conversion;
  @Inject PipelineView funnel;
  @Inject ConsumerFailures failures;
  @Inject ConsumerTracing tracing;
  @Inject ConsumedEventCounter consumed;
  @Inject LeadEventsConfig config;

  @Override
  public String topic() {
    return EventTopics.LEAD_EVENTS;
  }

  @Override
  @Incoming(EventTopics.LEAD_EVENTS)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    Executor messageContext = ConsumerFailures.messageContext();
    // The record's trace goes on here: this consumer's work, and the events it writes, are part of it.
    return tracing.traced(
        record,
        "leadId",
        () ->
            Uni.createFrom()
                .item(() -> IncomingEvent.from(record))
                .chain(
                    event ->
                        switch (event.type()) {
                          case LeadEventTypes.QUALIFIED -> convertOnce(record, event, messageContext);
                          case LeadEventTypes.CREATED -> recordOnce(record, event, LeadFunnelData.created(event), messageContext);
                          case LeadEventTypes.UPDATED ->
                              LeadFunnelData.reassigned(event)
                                  .map(fact -> recordOnce(record, event, fact, messageContext))
                                  .orElseGet(() -> ignore(event));
                          default -> ignore(event);
                        })
                .onFailure(UnprocessableEventException.class)
                .invoke(failure -> deadLettered(record, failure)));
  }

  private Uni<Void> ignore(IncomingEvent event) {
    consumed.ignored(EventTopics.LEAD_EVENTS, event);
    return Uni.createFrom().voidItem();
  }

  /**
   * Records what the event tells the funnel. The fact is an upsert by lead id, so a repeat changes
   * nothing and needs no inbox row; a value the database refuses is never recorded (dead-lettered).
   */
  private Uni<Void> recordOnce(ConsumerRecord<String, String> record, IncomingEvent event, LeadFunnelFact fact, Executor messageContext) {
    return failures
        .retryInPlace(
            record,
            messageContext,
            config.retryInitialBackoff(),
            config.retryMaxBackoff(),
            () ->
                funnel
                    .record(fact)
                    .onFailure(ConsumerFailures::isDataException)
                    .transform(
                        failure ->
                            new UnprocessableEventException(
                                "The database refused the funnel fact of event " + event.id() + ": "
                                    + ConsumerFailures.rootCause(failure).getMessage())))
        .invoke(() -> consumed.processed(EventTopics.LEAD_EVENTS, event, Inbox.Outcome.PROCESSED));
  }

  private Uni<Void> convertOnce(ConsumerRecord<String, String> record, IncomingEvent event, Executor messageContext) {
    return failures
        .retryInPlace(record, messageContext, config.retryInitialBackoff(), config.retryMaxBackoff(), () -> attemptConversion(event))
        .replaceWithVoid();
  }

  /**
   * The qualification's funnel fact and the conversion commit in one transaction (one commit on the
   * conversion's path). The fact goes in before the inbox decides, so a repeated event records it
   * too (the upsert leaves it as it was). Should the database refuse a value, that transaction rolls
   * back and the two are tried apart, as {@link #convertApart} says.
   */
  private Uni<Inbox.Outcome> attemptConversion(IncomingEvent event) {
    LeadQualified qualified = LeadQualifiedData.read(event);
    Optional<LeadFunnelFact> fact = LeadFunnelData.qualified(qualified);
    return Panache.withTransaction(
            () ->
                fact.map(funnel::recordInTransaction)
                    .orElseGet(() -> Uni.createFrom().voidItem())
                    .chain(() -> inbox.processOnce(event, () -> outcome(conversion.convert(qualified)))))
        .onFailure(ConsumerFailures::isDataException)
        .recoverWithUni(failure -> convertApart(event, qualified))
        .invoke(outcome -> consumed.processed(EventTopics.LEAD_EVENTS, event, outcome));
  }

  /**
   * The database refused a value of the fact or of the conversion: the fact is recorded on its own
   * (left out, logged, if it is the one refused: the conversion does not wait on the funnel), then
   * the conversion runs in its own transaction; if that is refused, the refusal is answered.
   */
  private Uni<Inbox.Outcome> convertApart(IncomingEvent event, LeadQualified qualified) {
    return qualifiedFact(event, qualified)
        .chain(() -> Panache.withTransaction(() -> inbox.processOnce(event, () -> outcome(conversion.convert(qualified)))))
        .onFailure(ConsumerFailures::isDataException)
        .recoverWithUni(failure -> answerRefusedData(event, qualified, ConsumerFailures.rootCause(failure).getMessage()));
  }

  /** Records the qualification for the funnel on its own; a fact the database refuses is left out, logged. */
  private Uni<Void> qualifiedFact(IncomingEvent event, LeadQualified qualified) {
    return LeadFunnelData.qualified(qualified)
        .map(fact -> funnel.record(fact))
        .orElseGet(() -> Uni.createFrom().voidItem())
        .onFailure(ConsumerFailures::isDataException)
        .recoverWithItem(failure -> {
          LOG.warnf("The database refused the funnel fact of event %s: %s", event.id(), ConsumerFailures.rootCause(failure).getMessage());
          return null;
        });
  }

  /**
   * The database refused a value of the event, and that attempt rolled back: a new transaction
   * answers conversion-failed and records the event in the inbox, so the lead is not left pending
   * and the seller can retry. Only if even that is refused (the event's own headers) is the event
   * unprocessable.
   */
  private Uni<Inbox.Outcome> answerRefusedData(IncomingEvent event, LeadQualified qualified, String refusal) {
    LOG.infof("The database refused the data of event %s: %s", event.id(), refusal);
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> outcome(conversion.refused(qualified, refusal))))
        .onFailure(ConsumerFailures::isDataException)
        .transform(
            failure ->
                new UnprocessableEventException(
                    "The database refused the data of event " + event.id() + ": " + ConsumerFailures.rootCause(failure).getMessage()));
  }

  private static Uni<Inbox.Outcome> outcome(Uni<LeadConversion.Result> result) {
    return result.map(done -> done == LeadConversion.Result.ANSWERED_AGAIN ? Inbox.Outcome.DUPLICATE : Inbox.Outcome.PROCESSED);
  }

  private void deadLettered(ConsumerRecord<String, String> record, Throwable failure) {
    failures.deadLettered(record, failure);
  }
}
