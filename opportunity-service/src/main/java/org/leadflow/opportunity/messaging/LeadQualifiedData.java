package org.leadflow.opportunity.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.messaging.UnprocessableEventException;
import org.leadflow.messaging.IncomingEvent;

/** Reads the data of a {@code leadflow.lead.qualified.v1} event, refusing what can never be converted. */
final class LeadQualifiedData {

  private LeadQualifiedData() {}

  /**
   * @throws UnprocessableEventException when the data is not a LeadQualified, or lacks what every
   *     conversion needs: the lead, the conversion, the options, and the id of each record the
   *     options ask to create
   */
  static LeadQualified read(ObjectMapper json, IncomingEvent event) {
    if (event.data() == null || event.data().isBlank()) {
      throw new UnprocessableEventException("LeadQualified event " + event.id() + " has no data");
    }
    LeadQualified data;
    try {
      data = json.readValue(event.data(), LeadQualified.class);
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
    LeadQualified.Options options = data.options();
    if (options == null) {
      missing.add("options");
    } else {
      if (options.createOpportunity() && data.opportunityId() == null) {
        missing.add("opportunityId");
      }
      if (options.createAccount() && options.existingAccountId() == null && data.accountId() == null) {
        missing.add("accountId");
      }
      if (options.createContact() && options.existingContactId() == null && data.contactId() == null) {
        missing.add("contactId");
      }
    }
    if (!missing.isEmpty()) {
      throw new UnprocessableEventException(
          "LeadQualified event " + event.id() + " lacks " + String.join(", ", missing));
    }
    return data;
  }
}
