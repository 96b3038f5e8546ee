package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.UnknownLabelException;

/** Maps between the API's records and the domain, explicitly. */
@ApplicationScoped
public class LeadMapper {

  static final int MAX_ATTRIBUTE_KEY_LENGTH = 100;
  static final int MAX_ATTRIBUTE_STRING_LENGTH = 1000;

  public LeadDetails toDetails(CreateLeadRequest request) {
    List<FieldError> errors = new ArrayList<>();
    LeadSource source = null;
    if (request.source() != null) {
      try {
        source = LeadSource.fromLabel(request.source());
      } catch (UnknownLabelException e) {
        errors.add(new FieldError("source", "must be one of " + String.join(", ", e.allowed())));
      }
    }
    checkAttributes(request.attributes(), errors);
    if (blank(request.lastName()) && blank(request.companyName())) {
      errors.add(new FieldError("lastName", "lastName or companyName is required"));
      errors.add(new FieldError("companyName", "lastName or companyName is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadDetails(
        trim(request.firstName()),
        trim(request.lastName()),
        trim(request.companyName()),
        trim(request.jobTitle()),
        request.email() == null ? null : request.email().trim().toLowerCase(java.util.Locale.ROOT),
        request.phone(),
        trim(request.website()),
        source,
        trim(request.industry()),
        request.numberOfEmployees(),
        toMoney(request.annualRevenue()),
        request.country(),
        trim(request.city()),
        request.description(),
        request.attributes());
  }

  public LeadResponse toResponse(Lead lead) {
    LeadDetails details = lead.details();
    return new LeadResponse(
        lead.id(),
        details.firstName(),
        details.lastName(),
        details.companyName(),
        details.jobTitle(),
        details.email(),
        details.phone(),
        details.website(),
        details.source() == null ? null : details.source().label(),
        details.industry(),
        details.numberOfEmployees(),
        toDto(details.annualRevenue()),
        details.country(),
        details.city(),
        lead.ownerId(),
        details.description(),
        details.attributes(),
        lead.state().label(),
        lead.statusReason().label(),
        lead.statusReason().code(),
        lead.createdAt(),
        lead.updatedAt(),
        lead.version());
  }

  private static void checkAttributes(Map<String, Object> attributes, List<FieldError> errors) {
    if (attributes == null) {
      return;
    }
    attributes.forEach(
        (key, value) -> {
          String field = "attributes." + key;
          if (key.isBlank() || key.length() > MAX_ATTRIBUTE_KEY_LENGTH) {
            errors.add(new FieldError(field, "keys must have 1 to " + MAX_ATTRIBUTE_KEY_LENGTH + " characters"));
          } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            errors.add(new FieldError(field, "must be a string, a number or a boolean"));
          } else if (value instanceof String text && text.length() > MAX_ATTRIBUTE_STRING_LENGTH) {
            errors.add(new FieldError(field, "must have at most " + MAX_ATTRIBUTE_STRING_LENGTH + " characters"));
          }
        });
  }

  private static Money toMoney(MoneyDto dto) {
    return dto == null ? null : new Money(new BigDecimal(dto.amount()), dto.currency());
  }

  private static MoneyDto toDto(Money money) {
    return money == null
        ? null
        : new MoneyDto(money.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), money.currency());
  }

  private static String trim(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
