package org.leadflow.lead.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.lead.service.LeadService;
import org.leadflow.messaging.ConsumedEventCounter;
import org.leadflow.messaging.EventConsumer;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.Inbox;

/**
 * Links opportunity-service's answers back onto the lead: {@code opportunity.created} completes
 * the lead's conversion, {@code conversion-failed} fails it with the reason. Each answer's effect and
 * its inbox record commit together. Other opportunity event types are decided on from {@code
 * ce_type} alone (once the headers are known to make a CloudEvent): counted as ignored and
 * acknowledged, their data unread and no transaction opened, since an event without effect needs no
 * deduplication.
 */
@ApplicationScoped
public class OpportunityEventsConsumer implements EventConsumer {

  private static final Set<String> ANSWERS = Set.of(OpportunityEventTypes.CREATED, OpportunityEventTypes.CONVERSION_FAILED);

  @Inject Inbox inbox;
  @Inject LeadService leads;
  @Inject ObjectMapper json;
  @Inject ConsumedEventCounter consumed;

  @Override
  public String topic() {
    return EventTopics.OPPORTUNITY_EVENTS;
  }

  @Override
  @Incoming(EventTopics.OPPORTUNITY_EVENTS)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event = IncomingEvent.from(record);
    if (!ANSWERS.contains(event.type())) {
      consumed.ignored(EventTopics.OPPORTUNITY_EVENTS, event);
      return Uni.createFrom().voidItem();
    }
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> handle(event)))
        .invoke(outcome -> consumed.processed(EventTopics.OPPORTUNITY_EVENTS, event, outcome))
        .replaceWithVoid();
  }

  private Uni<Inbox.Outcome> handle(IncomingEvent event) {
    if (OpportunityEventTypes.CREATED.equals(event.type())) {
      OpportunityCreated created = read(event, OpportunityCreated.class);
      if (created.originatingLeadId() == null || created.conversionId() == null) {
        throw new UnprocessableEventException("opportunity.created without originatingLeadId or conversionId");
      }
      return leads
          .conversionCompleted(created.originatingLeadId(), created.conversionId(), created.opportunityId(),
              created.accountId(), created.contactId())
          .replaceWith(Inbox.Outcome.PROCESSED);
    }
    ConversionFailed failed = read(event, ConversionFailed.class);
    if (failed.originatingLeadId() == null || failed.conversionId() == null) {
      throw new UnprocessableEventException("conversion-failed without originatingLeadId or conversionId");
    }
    return leads
        .conversionFailed(failed.originatingLeadId(), failed.conversionId(), failed.reason(), failed.detail())
        .replaceWith(Inbox.Outcome.PROCESSED);
  }

  private <T> T read(IncomingEvent event, Class<T> type) {
    try {
      return json.readValue(event.data(), type);
    } catch (IOException e) {
      throw new UnprocessableEventException(event.type() + " data is not readable: " + e.getMessage());
    }
  }
}
