package org.leadflow.lead.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.Criterion;
import org.leadflow.lead.domain.policy.FieldRef;
import org.leadflow.lead.domain.policy.IdealCustomerProfile;
import org.leadflow.lead.domain.policy.Operator;
import org.leadflow.lead.domain.policy.QualificationPolicy;

/**
 * A policy version as stored (column {@code policy}, jsonb). The stored form is this class's own, not
 * the API's, so that the API can grow without rewriting stored versions; it names fields and operators
 * as the API does, and amounts as {@code {"amount": "10000.00", "currency": "EUR"}}.
 */
final class PolicyDocument {

  private PolicyDocument() {}

  static String write(QualificationPolicy policy, ObjectMapper json) {
    ObjectNode document = json.createObjectNode();
    ArrayNode criteria = document.putArray("criteria");
    for (Criterion criterion : policy.criteria()) {
      ObjectNode stored = criteria.addObject();
      stored.put("key", criterion.key());
      stored.put("label", criterion.label());
      stored.put("field", criterion.field().apiName());
      stored.put("operator", criterion.operator().apiName());
      ArrayNode values = stored.putArray("values");
      criterion.values().forEach(value -> values.add(written(value, json)));
      stored.put("required", criterion.required());
      stored.put("weight", criterion.weight());
    }
    IdealCustomerProfile profile = policy.idealCustomerProfile();
    ObjectNode ideal = document.putObject("idealCustomerProfile");
    profile.industries().forEach(ideal.putArray("industries")::add);
    ideal.set("minEmployees", profile.minEmployees() == null ? null : json.getNodeFactory().numberNode(profile.minEmployees()));
    ideal.set("maxEmployees", profile.maxEmployees() == null ? null : json.getNodeFactory().numberNode(profile.maxEmployees()));
    ideal.set("minAnnualRevenue", profile.minAnnualRevenue() == null ? null : written(profile.minAnnualRevenue(), json));
    ideal.set("maxAnnualRevenue", profile.maxAnnualRevenue() == null ? null : written(profile.maxAnnualRevenue(), json));
    profile.countries().forEach(ideal.putArray("countries")::add);
    profile.sources().forEach(ideal.putArray("sources")::add);
    CannotContactPolicy cannotContact = policy.cannotContact();
    if (cannotContact.hasRule() || cannotContact.hasGuard()) {
      ObjectNode stored = document.putObject("cannotContact");
      stored.put("unansweredAttempts", cannotContact.unansweredAttempts());
      stored.put("withinDays", cannotContact.withinDays());
      stored.put("action", cannotContact.action() == null ? null : cannotContact.action().apiName());
      stored.put("minimumAttemptsBeforeDisqualifying", cannotContact.minimumAttemptsBeforeDisqualifying());
    }
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A policy could not be written as JSON", e);
    }
  }

  static QualificationPolicy read(String stored, ObjectMapper json) {
    JsonNode document;
    try {
      document = json.readTree(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored policy is not JSON", e);
    }
    List<Criterion> criteria = new ArrayList<>();
    for (JsonNode criterion : document.path("criteria")) {
      List<Object> values = new ArrayList<>();
      criterion.path("values").forEach(value -> values.add(read(value)));
      criteria.add(
          new Criterion(
              criterion.path("key").asText(),
              criterion.path("label").asText(),
              FieldRef.parse(criterion.path("field").asText()).orElseThrow(() -> unreadable(criterion)),
              Operator.named(criterion.path("operator").asText()).orElseThrow(() -> unreadable(criterion)),
              values,
              criterion.path("required").asBoolean(),
              criterion.path("weight").asInt()));
    }
    JsonNode ideal = document.path("idealCustomerProfile");
    return new QualificationPolicy(
        criteria,
        new IdealCustomerProfile(
            texts(ideal.path("industries")),
            integer(ideal.path("minEmployees")),
            integer(ideal.path("maxEmployees")),
            money(ideal.path("minAnnualRevenue")),
            money(ideal.path("maxAnnualRevenue")),
            texts(ideal.path("countries")),
            texts(ideal.path("sources"))),
        cannotContact(document.path("cannotContact")));
  }

  /** Versions saved before the Cannot Contact part existed have none: it is off. */
  private static CannotContactPolicy cannotContact(JsonNode stored) {
    if (!stored.isObject()) {
      return CannotContactPolicy.OFF;
    }
    return new CannotContactPolicy(
        integer(stored.path("unansweredAttempts")),
        integer(stored.path("withinDays")),
        CannotContactPolicy.Action.named(stored.path("action").asText()).orElse(null),
        integer(stored.path("minimumAttemptsBeforeDisqualifying")));
  }

  private static JsonNode written(Object value, ObjectMapper json) {
    if (value instanceof Money money) {
      ObjectNode amount = json.createObjectNode();
      amount.put("amount", money.amount().toPlainString());
      amount.put("currency", money.currency());
      return amount;
    }
    return json.valueToTree(value);
  }

  private static Object read(JsonNode value) {
    if (value.isObject()) {
      return money(value);
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return value.isBoolean() ? value.booleanValue() : value.asText();
  }

  private static Money money(JsonNode value) {
    return value.isObject() ? new Money(new BigDecimal(value.path("amount").asText()), value.path("currency").asText()) : null;
  }

  private static Integer integer(JsonNode value) {
    return value.isNumber() ? value.intValue() : null;
  }

  private static List<String> texts(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  private static IllegalStateException unreadable(JsonNode criterion) {
    return new IllegalStateException("A stored policy criterion names an unknown field or operator: " + criterion);
  }
}
