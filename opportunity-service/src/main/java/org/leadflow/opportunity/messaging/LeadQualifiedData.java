package org.leadflow.opportunity.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.messaging.EventData;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.messaging.IncomingEvent;

/**
 * Reads the data of a {@code leadflow.lead.qualified.v1} event, refusing what can never be answered:
 * anything else an event lacks fails its conversion with a reason (LeadConversion), so that the
 * lead does not stay pending.
 */
final class LeadQualifiedData {

  private LeadQualifiedData() {}

  /**
   * @throws UnprocessableEventException when the data is not a LeadQualified, or lacks what an
   *     answer needs: the lead and the conversion
   */
  static LeadQualified read(IncomingEvent event) {
    if (event.data() == null || event.data().isBlank()) {
      throw new UnprocessableEventException("LeadQualified event " + event.id() + " has no data");
    }
    LeadQualified data;
    try {
      data = EventData.read(event.data(), LeadQualified.class);
    } catch (JsonProcessingException e) {
      throw new UnprocessableEventException(
          "LeadQualified event " + event.id() + " data cannot be read: " + e.getOriginalMessage());
    }
    if (data == null) {
      throw new UnprocessableEventException("LeadQualified event " + event.id() + " data is null");
    }
    List<String> missing = new ArrayList<>();
    if (data.leadId() == null) {
      missing.add("leadId");
    }
    if (data.conversionId() == null) {
      missing.add("conversionId");
    }
    if (!missing.isEmpty()) {
      throw new UnprocessableEventException(
          "LeadQualified event " + event.id() + " lacks " + String.join(", ", missing));
    }
    return data;
  }
}
