package org.leadflow.lead.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.leadflow.contracts.lead.LeadCreated;
import org.leadflow.contracts.lead.LeadEventTypes;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;

/** Turns what happened to a lead into the events of the {@code lead-events} contract. */
@ApplicationScoped
public class LeadEvents {

  @Inject Outbox outbox;

  public Uni<OutboxEvent> created(Lead lead) {
    LeadDetails details = lead.details();
    LeadCreated data =
        new LeadCreated(
            lead.id(),
            details.firstName(),
            details.lastName(),
            details.companyName(),
            details.jobTitle(),
            details.email(),
            details.phone(),
            details.source() == null ? null : details.source().label(),
            details.country(),
            lead.ownerId(),
            lead.state().label(),
            lead.statusReason().label(),
            lead.statusReason().code(),
            lead.createdAt());
    return outbox.append(
        LeadEventTypes.AGGREGATE_TYPE, lead.id(), LeadEventTypes.CREATED, lead.createdAt(), data);
  }
}
