package org.leadflow.lead.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.leadflow.contracts.EventTopics;
import org.leadflow.contracts.opportunity.ConversionFailed;
import org.leadflow.contracts.opportunity.OpportunityCreated;
import org.leadflow.contracts.opportunity.OpportunityEventTypes;
import org.leadflow.lead.service.LeadService;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.Inbox;

/**
 * Links opportunity-service's answers back onto the lead: {@code opportunity.created} completes
 * the lead's conversion, {@code conversion-failed} fails it with the reason. Each answer's effect and
 * its inbox record commit together; other opportunity events are recorded as ignored.
 */
@ApplicationScoped
public class OpportunityEventsConsumer {

  @Inject Inbox inbox;
  @Inject LeadService leads;
  @Inject ObjectMapper json;
  @Inject MeterRegistry registry;

  @Incoming(EventTopics.OPPORTUNITY_EVENTS)
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    IncomingEvent event = IncomingEvent.from(record);
    return Panache.withTransaction(() -> inbox.processOnce(event, () -> handle(event)))
        .invoke(outcome -> registry
            .counter("leadflow.events.consumed", "topic", EventTopics.OPPORTUNITY_EVENTS, "type", event.type(),
                "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
            .increment())
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
    if (OpportunityEventTypes.CONVERSION_FAILED.equals(event.type())) {
      ConversionFailed failed = read(event, ConversionFailed.class);
      if (failed.originatingLeadId() == null || failed.conversionId() == null) {
        throw new UnprocessableEventException("conversion-failed without originatingLeadId or conversionId");
      }
      return leads
          .conversionFailed(failed.originatingLeadId(), failed.conversionId(), failed.reason(), failed.detail())
          .replaceWith(Inbox.Outcome.PROCESSED);
    }
    return Uni.createFrom().item(Inbox.Outcome.IGNORED);
  }

  private <T> T read(IncomingEvent event, Class<T> type) {
    try {
      return json.readValue(event.data(), type);
    } catch (IOException e) {
      throw new UnprocessableEventException(event.type() + " data is not readable: " + e.getMessage());
    }
  }
}
