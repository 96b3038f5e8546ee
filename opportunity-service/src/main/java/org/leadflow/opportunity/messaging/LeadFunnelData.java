package org.leadflow.opportunity.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import org.leadflow.contracts.lead.FieldChange;
import org.leadflow.contracts.lead.LeadCreated;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadUpdated;
import org.leadflow.messaging.EventData;
import org.leadflow.messaging.IncomingEvent;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.opportunity.domain.LeadFunnelFact;

/**
 * Reads what a lead event tells the funnel ({@link LeadFunnelFact}): a lead created, qualified, or
 * given to another owner. Data that cannot be read as its type, or lacks the lead or the time, can
 * never be recorded.
 */
final class LeadFunnelData {

  private static final String OWNER = "ownerId";

  private LeadFunnelData() {}

  /** @throws UnprocessableEventException when the data is no LeadCreated with its lead and time */
  static LeadFunnelFact created(IncomingEvent event) {
    LeadCreated created = read(event, LeadCreated.class);
    if (created.leadId() == null || created.createdAt() == null) {
      throw new UnprocessableEventException("LeadCreated event " + event.id() + " lacks leadId or createdAt");
    }
    return LeadFunnelFact.created(created.leadId(), created.ownerId(), created.createdAt());
  }

  /**
   * The new owner, when the update gave the lead one; empty when its owner did not change.
   *
   * @throws UnprocessableEventException when the data is no LeadUpdated with its lead and time
   */
  static Optional<LeadFunnelFact> reassigned(IncomingEvent event) {
    LeadUpdated updated = read(event, LeadUpdated.class);
    if (updated.leadId() == null || updated.updatedAt() == null) {
      throw new UnprocessableEventException("LeadUpdated event " + event.id() + " lacks leadId or updatedAt");
    }
    List<FieldChange> changes = updated.changes() == null ? List.of() : updated.changes();
    for (int i = changes.size() - 1; i >= 0; i--) {
      FieldChange change = changes.get(i);
      if (change != null && OWNER.equals(change.field())) {
        String owner = change.newValue() instanceof String id ? id : null;
        return Optional.of(LeadFunnelFact.reassigned(updated.leadId(), owner, updated.updatedAt()));
      }
    }
    return Optional.empty();
  }

  /** The qualification, when the event says when it was. */
  static Optional<LeadFunnelFact> qualified(LeadQualified qualified) {
    return qualified.qualifiedAt() == null
        ? Optional.empty()
        : Optional.of(LeadFunnelFact.qualified(qualified.leadId(), qualified.ownerId(), qualified.qualifiedAt()));
  }

  private static <T> T read(IncomingEvent event, Class<T> type) {
    if (event.data() == null || event.data().isBlank()) {
      throw new UnprocessableEventException(type.getSimpleName() + " event " + event.id() + " has no data");
    }
    T data;
    try {
      data = EventData.read(event.data(), type);
    } catch (JsonProcessingException e) {
      throw new UnprocessableEventException(type.getSimpleName() + " event " + event.id() + " data cannot be read: " + e.getOriginalMessage());
    }
    if (data == null) {
      throw new UnprocessableEventException(type.getSimpleName() + " event " + event.id() + " data is null");
    }
    return data;
  }
}
