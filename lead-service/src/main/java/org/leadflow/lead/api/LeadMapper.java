package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.leadflow.lead.application.LeadEdit;
import org.leadflow.lead.domain.BudgetStatus;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.NeedLevel;
import org.leadflow.lead.domain.PurchaseProcess;
import org.leadflow.lead.domain.PurchaseTimeframe;
import org.leadflow.lead.domain.Qualification;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.FieldError;

/**
 * Maps a lead request ({@link LeadInput}) to the edit it asks for, explicitly; the rules bean
 * validation cannot express (labels, ISO codes, phone numbers, attribute values) are checked here,
 * all at once. The other way, {@link LeadResponseMapper}.
 */
@ApplicationScoped
public class LeadMapper {

  static final int MAX_ATTRIBUTE_KEY_LENGTH = 100;
  static final int MAX_ATTRIBUTE_STRING_LENGTH = 1000;
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Inject PhoneNumbers phones;
  @Inject Validator validator;

  /**
   * The edit a request asks for, or an {@link InvalidRequestException} listing every offending
   * field at once: the annotations of {@link LeadInput} and the rules below are checked together.
   */
  public LeadEdit toEdit(LeadInput input) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<LeadInput> violation : validator.validate(input)) {
      errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
    }
    if (blank(input.lastName()) && blank(input.companyName())) {
      errors.add(new FieldError("lastName", "lastName or companyName is required"));
      errors.add(new FieldError("companyName", "lastName or companyName is required"));
    }
    LeadSource source = label(errors, "source", input.source(), LeadSource::fromLabel);
    String country = flagged(errors, "country") ? null : input.country();
    if (country != null && !COUNTRIES.contains(country)) {
      errors.add(new FieldError("country", "is not an ISO 3166-1 alpha-2 country code"));
      country = null;
    }
    String phone = null;
    if (!blank(input.phone()) && !flagged(errors, "phone")) {
      phone = phones.toE164(input.phone(), country).orElse(null);
      if (phone == null) {
        errors.add(new FieldError("phone", "is not a phone number" + (country == null ? " (add the country code, e.g. +44)" : " of " + country)));
      }
    }
    Money annualRevenue = money(errors, "annualRevenue", input.annualRevenue());
    checkAttributes(input.attributes(), errors);
    Qualification qualification = qualification(errors, input.qualification());
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw new InvalidRequestException(errors);
    }
    LeadDetails details =
        new LeadDetails(
            trim(input.firstName()),
            trim(input.lastName()),
            trim(input.companyName()),
            trim(input.jobTitle()),
            input.email() == null ? null : input.email().strip().toLowerCase(Locale.ROOT),
            phone,
            trim(input.website()),
            source,
            trim(input.industry()),
            input.numberOfEmployees(),
            annualRevenue,
            country,
            trim(input.city()),
            trim(input.description()),
            input.attributes());
    return new LeadEdit(details, qualification, trim(input.ownerId()));
  }

  private Qualification qualification(List<FieldError> errors, QualificationInput input) {
    if (input == null) {
      return Qualification.EMPTY;
    }
    String prefix = "qualification.";
    Qualification.Budget budget = Qualification.Budget.NONE;
    if (input.budget() != null) {
      budget =
          new Qualification.Budget(
              money(errors, prefix + "budget.amount", input.budget().amount()),
              label(errors, prefix + "budget.status", input.budget().status(), BudgetStatus::fromLabel),
              trim(input.budget().note()),
              null);
    }
    Qualification.Authority authority = Qualification.Authority.NONE;
    if (input.authority() != null) {
      authority =
          new Qualification.Authority(
              input.authority().decisionMaker(),
              label(errors, prefix + "authority.purchaseProcess", input.authority().purchaseProcess(), PurchaseProcess::fromLabel),
              trim(input.authority().note()),
              null);
    }
    Qualification.Need need = Qualification.Need.NONE;
    if (input.need() != null) {
      need =
          new Qualification.Need(
              label(errors, prefix + "need.level", input.need().level(), NeedLevel::fromLabel),
              trim(input.need().note()),
              null);
    }
    Qualification.Timeline timeline = Qualification.Timeline.NONE;
    if (input.timeline() != null) {
      timeline =
          new Qualification.Timeline(
              label(errors, prefix + "timeline.purchaseTimeframe", input.timeline().purchaseTimeframe(), PurchaseTimeframe::fromLabel),
              trim(input.timeline().note()),
              null);
    }
    Qualification.Fit fit =
        input.fit() == null ? Qualification.Fit.NONE : new Qualification.Fit(trim(input.fit().note()), null);
    return new Qualification(budget, authority, need, timeline, fit);
  }

  static <T> T label(List<FieldError> errors, String field, String text, Function<String, T> parse) {
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (UnknownLabelException e) {
      errors.add(new FieldError(field, "must be one of " + String.join(", ", e.allowed())));
      return null;
    }
  }

  static Money money(List<FieldError> errors, String field, MoneyDto dto) {
    if (dto == null || flagged(errors, field + ".amount") || flagged(errors, field + ".currency")) {
      return null; // bean validation has reported what is wrong
    }
    try {
      Currency.getInstance(dto.currency());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field + ".currency", "is not an ISO 4217 currency code"));
      return null;
    }
    return new Money(new BigDecimal(dto.amount()), dto.currency());
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

  private static String trim(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static boolean flagged(List<FieldError> errors, String field) {
    return errors.stream().anyMatch(error -> error.field().equals(field));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
