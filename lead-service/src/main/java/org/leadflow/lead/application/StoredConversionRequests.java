package org.leadflow.lead.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Money;

/**
 * Reads the qualify request a lead's conversion was asked with ({@link
 * org.leadflow.lead.domain.Conversion#request()}: the body of {@code POST /leads/{id}/qualify} as
 * received, already validated then) back into the conversion it asks for.
 */
@ApplicationScoped
public class StoredConversionRequests {

  @Inject ObjectMapper json;

  /** @param stored the stored request, or null (a lead never qualified): every option at its default */
  public ConversionRequest read(String stored) {
    if (stored == null) {
      return ConversionRequest.DEFAULTS;
    }
    JsonNode request;
    try {
      request = json.readTree(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored qualify request is not readable", e);
    }
    return new ConversionRequest(
        bool(request.get("createAccount")),
        bool(request.get("createContact")),
        bool(request.get("createOpportunity")),
        uuid(request.get("existingAccountId")),
        uuid(request.get("existingContactId")),
        opportunity(request.get("opportunity")));
  }

  private static ConversionRequest.Opportunity opportunity(JsonNode draft) {
    if (absent(draft)) {
      return null;
    }
    List<ConversionPlan.Line> lines = new ArrayList<>();
    if (!absent(draft.get("lines"))) {
      for (JsonNode line : draft.get("lines")) {
        lines.add(
            new ConversionPlan.Line(
                line.get("productName").asText().strip(), new BigDecimal(line.get("quantity").asText()), money(line.get("unitPrice"))));
      }
    }
    return new ConversionRequest.Opportunity(
        text(draft.get("name")),
        money(draft.get("estimatedValue")),
        absent(draft.get("estimatedCloseDate")) ? null : LocalDate.parse(draft.get("estimatedCloseDate").asText()),
        lines);
  }

  private static Money money(JsonNode money) {
    return absent(money) ? null : new Money(new BigDecimal(money.get("amount").asText()), money.get("currency").asText());
  }

  private static Boolean bool(JsonNode value) {
    return absent(value) ? null : value.asBoolean();
  }

  private static UUID uuid(JsonNode value) {
    return absent(value) ? null : UUID.fromString(value.asText());
  }

  private static String text(JsonNode value) {
    return absent(value) ? null : value.asText();
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull();
  }
}
