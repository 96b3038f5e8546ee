package org.leadflow.lead.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.contracts.opportunity.OpportunityLost;
import org.leadflow.contracts.opportunity.OpportunityReopened;
import org.leadflow.contracts.opportunity.OpportunityWon;
import org.leadflow.lead.application.RecordConversionOutcome;
import org.leadflow.lead.application.RecordOpportunityOutcome;
import org.leadflow.lead.config.OpportunityEventsConfig;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.OpportunityOutcome;
import org.leadflow.lead.service.ConversionMetrics;
import org.leadflow.lead.service.LeadNotFoundException;
import org.leadflow.messaging.ConsumedEventCounter;
import org.leadflow.messaging.ConsumerFailures;
import org.leadflow.messaging.ConsumerTracing;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.EventData;
import org.leadflow.messaging.Inbox;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.UnprocessableEventException;

/**
 * Links opportunity-service's answers back onto the lead: {@code opportunity.created} completes
 * the lead's conversion, {@code conversion-failed} fails it with the reason. Each answer's effect and
 * its inbox record commit together, and the offset is committed after that. Other opportunity event
 * types are decided on from {@code ce_type} alone (once the headers are known to make a CloudEvent):
 * counted as ignored and acknowledged, their data unread and no transaction opened, since an event
 * without effect needs no deduplication.
 *
 * <p>Failures are of two kinds, told apart here rather than by the connector, as opportunity-service's
 * consumer of lead-events does:
 *
 * <ul>
 *   <li>{@link UnprocessableEventException}: the message itself is wrong (not a CloudEvent, data
 *       that is not the answer it claims to be, a lead that does not exist, values the database
 *       refuses). It is {@linkplain #deadLettered dead-lettered}: the returned Uni fails, SmallRye
 *       nacks the message, and the channel's {@code failure-strategy=dead-letter-queue} sends it to
 *       {@code opportunity-events.dead-letter} with the reason in the {@code dead-letter-reason}
 *       header; consumption goes on.
 *   <li>anything else (the database is down, a serialization conflict, a lost connection): it may
 *       pass, so it must neither dead-letter the answer (the lead would stay pending for good) nor
 *       skip it. The attempt is retried in place, indefinitely, with exponential backoff; answers
 *       behind it wait.
 * </ul>
 */
@ApplicationScoped
public class OpportunityEventsConsumer implements EventConsumer {

  private static final Set<String> ANSWERS = Set.of(OpportunityEventTypes.CREATED, OpportunityEventTypes.CONVERSION_FAILED);
  /** How an opportunity made from a lead ended, or that it was reopened: recorded on the lead. */
  private static final Set<String> OUTCOMES = Set.of(OpportunityEventTypes.WON, OpportunityEventTypes.LOST, OpportunityEventTypes.REOPENED);

  @Inject Inbox inbox;
  @Inject RecordConversionOutcome outcomes;
  @Inject RecordOpportunityOutcome opportunityOutcomes;
  @Inject ConsumedEventCounter consumed;
  @Inject ConsumerFailures failures;
  @Inject ConsumerTracing tracing;
  @Inject ConversionMetrics conversions;
  @Inject OpportunityEventsConfig config;

  @Override
  public String topic() {
    return EventTopics.OPPORTUNITY_EVENTS;
  }

  @Override
  @Incoming(EventTopics.OPPORTUNITY_EVENTS)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    Executor messageContext = ConsumerFailures.messageContext();
    // The record's trace goes on here: this consumer's work, and the events it writes, are part of it.
    return tracing.traced(
        record,
        "opportunityId",
        () ->
            Uni.createFrom()
                .item(() -> IncomingEvent.from(record))
                .chain(event -> ANSWERS.contains(event.type()) || OUTCOMES.contains(event.type()) ? applyOnce(record, event, messageContext) : ignore(event))
                .onFailure(UnprocessableEventException.class)
                .call(failure -> deadLettered(record, failure)));
  }

  private Uni<Void> ignore(IncomingEvent event) {
    consumed.ignored(EventTopics.OPPORTUNITY_EVENTS, event);
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> applyOnce(ConsumerRecord<String, String> record, IncomingEvent event, Executor messageContext) {
    return failures
        .retryInPlace(record, messageContext, config.retryInitialBackoff(), config.retryMaxBackoff(), () -> attempt(event))
        .replaceWithVoid();
  }

  private Uni<Inbox.Outcome> attempt(IncomingEvent event) {
    Supplier<Uni<Lead>> effect;
    Consumer<Lead> committed;
    if (OUTCOMES.contains(event.type())) {
      RecordOpportunityOutcome.Command outcome = readOutcome(event);
      effect = () -> opportunityOutcomes.handle(outcome);
      committed = lead -> {};
    } else {
      RecordConversionOutcome.Command answer = read(event);
      effect = () -> outcomes.handle(answer);
      committed = lead -> conversions.answered(lead, answer.conversionId());
    }
    AtomicReference<Lead> changed = new AtomicReference<>();
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> effect.get().invoke(changed::set).replaceWith(Inbox.Outcome.PROCESSED)))
        .onFailure(LeadNotFoundException.class)
        .transform(failure -> new UnprocessableEventException(event.type() + " answers about a lead that does not exist: " + failure.getMessage()))
        .onFailure(ConsumerFailures::isDataException)
        .transform(
            failure ->
                new UnprocessableEventException(
                    "The database refused the data of event " + event.id() + ": " + ConsumerFailures.rootCause(failure).getMessage()))
        .invoke(outcome -> consumed.processed(EventTopics.OPPORTUNITY_EVENTS, event, outcome))
        .invoke(outcome -> {
          if (outcome == Inbox.Outcome.PROCESSED && changed.get() != null) {
            committed.accept(changed.get());
          }
        });
  }

  /** An answer read and checked: what it does to its lead. */
  private RecordConversionOutcome.Command read(IncomingEvent event) {
    if (OpportunityEventTypes.CREATED.equals(event.type())) {
      OpportunityCreated created = read(event, OpportunityCreated.class);
      if (created.originatingLeadId() == null || created.conversionId() == null) {
        throw new UnprocessableEventException("opportunity.created without originatingLeadId or conversionId");
      }
      return RecordConversionOutcome.Command.completed(
          created.originatingLeadId(), created.conversionId(), created.opportunityId(), created.accountId(), created.contactId());
    }
    ConversionFailed failed = read(event, ConversionFailed.class);
    if (failed.originatingLeadId() == null || failed.conversionId() == null) {
      throw new UnprocessableEventException("conversion-failed without originatingLeadId or conversionId");
    }
    return RecordConversionOutcome.Command.failed(failed.originatingLeadId(), failed.conversionId(), failed.reason(), failed.detail());
  }

  /** A won, lost or reopened opportunity, read and checked: what it does to its lead. */
  private RecordOpportunityOutcome.Command readOutcome(IncomingEvent event) {
    return switch (event.type()) {
      case OpportunityEventTypes.WON -> {
        OpportunityWon won = read(event, OpportunityWon.class);
        requireIds(event, won.originatingLeadId(), won.opportunityId());
        Money revenue = won.actualRevenue() == null ? null : money(event, won.actualRevenue());
        yield new RecordOpportunityOutcome.Command(
            won.originatingLeadId(), won.opportunityId(), OpportunityOutcome.won(won.opportunityId(), revenue, won.actualCloseDate(), won.wonAt()));
      }
      case OpportunityEventTypes.LOST -> {
        OpportunityLost lost = read(event, OpportunityLost.class);
        requireIds(event, lost.originatingLeadId(), lost.opportunityId());
        if (!"Canceled".equals(lost.statusReason()) && !"Out-Sold".equals(lost.statusReason())) {
          throw new UnprocessableEventException("opportunity.lost with status reason " + lost.statusReason() + ", not Canceled or Out-Sold");
        }
        yield new RecordOpportunityOutcome.Command(
            lost.originatingLeadId(),
            lost.opportunityId(),
            OpportunityOutcome.lost(lost.opportunityId(), lost.statusReason(), clip(lost.competitor()), lost.actualCloseDate(), lost.lostAt()));
      }
      default -> {
        OpportunityReopened reopened = read(event, OpportunityReopened.class);
        requireIds(event, reopened.originatingLeadId(), reopened.opportunityId());
        yield new RecordOpportunityOutcome.Command(reopened.originatingLeadId(), reopened.opportunityId(), null);
      }
    };
  }

  private static void requireIds(IncomingEvent event, UUID leadId, UUID opportunityId) {
    if (leadId == null || opportunityId == null) {
      throw new UnprocessableEventException(event.type() + " without originatingLeadId or opportunityId");
    }
  }

  private static Money money(IncomingEvent event, org.leadflow.contracts.Money money) {
    try {
      return new Money(new BigDecimal(money.amount()), money.currency());
    } catch (RuntimeException e) {
      throw new UnprocessableEventException(event.type() + " carries an amount that is not one: " + money);
    }
  }

  /** The competitor as its column holds it. */
  private static String clip(String competitor) {
    return competitor == null || competitor.length() <= 200 ? competitor : competitor.substring(0, 199) + "…";
  }

  private <T> T read(IncomingEvent event, Class<T> type) {
    try {
      return EventData.read(event.data(), type);
    } catch (IOException e) {
      throw new UnprocessableEventException(event.type() + " data is not readable: " + e.getMessage());
    }
  }

  /**
   * The one place where an answer that can never be processed is given up on (the connector then
   * sends it to {@code opportunity-events.dead-letter}): logged and counted in {@code
   * leadflow.events.dead-lettered{topic, type}}. The returned Uni completes before the message is
   * nacked, so whatever must be kept of a dead-lettered answer can be written here.
   */
  Uni<Void> deadLettered(ConsumerRecord<String, String> record, Throwable failure) {
    failures.deadLettered(record, failure);
    return Uni.createFrom().voidItem();
  }
}
