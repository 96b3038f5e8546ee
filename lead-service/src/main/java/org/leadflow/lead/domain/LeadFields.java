package org.leadflow.lead.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every field a person edits on a lead, by its API name, with JSON-friendly values (labels for
 * enumerations, {amount, currency} for money): the one list of them. The audit history and
 * {@code leadflow.lead.created.v1}/{@code updated.v1} compare and report these values, and the API
 * applies a merge patch to them.
 *
 * <p>Adding a lead field means: a component of {@link LeadDetails} (or of a {@link Qualification}
 * criterion) and its column (a migration), an entry here, and the API's {@code LeadInput}, {@code
 * LeadResponse} and their mapping; {@code LeadFieldListTest} fails until each of them has it.
 */
public final class LeadFields {

  private static final Map<String, Function<Lead, Object>> FIELDS = new LinkedHashMap<>();

  static {
    details("firstName", LeadDetails::firstName);
    details("lastName", LeadDetails::lastName);
    details("companyName", LeadDetails::companyName);
    details("jobTitle", LeadDetails::jobTitle);
    details("email", LeadDetails::email);
    details("phone", LeadDetails::phone);
    details("website", LeadDetails::website);
    details("source", details -> details.source() == null ? null : details.source().label());
    details("industry", LeadDetails::industry);
    details("numberOfEmployees", LeadDetails::numberOfEmployees);
    details("annualRevenue", details -> money(details.annualRevenue()));
    details("country", LeadDetails::country);
    details("city", LeadDetails::city);
    FIELDS.put("ownerId", Lead::ownerId);
    details("description", LeadDetails::description);
    details("attributes", details -> Map.copyOf(details.attributes()));
    qualification("budget.amount", q -> money(q.budget().amount()));
    qualification("budget.status", q -> q.budget().status() == null ? null : q.budget().status().label());
    qualification("budget.note", q -> q.budget().note());
    qualification("authority.decisionMaker", q -> q.authority().decisionMaker());
    qualification(
        "authority.purchaseProcess",
        q -> q.authority().purchaseProcess() == null ? null : q.authority().purchaseProcess().label());
    qualification("authority.note", q -> q.authority().note());
    qualification("need.level", q -> q.need().level() == null ? null : q.need().level().label());
    qualification("need.note", q -> q.need().note());
    qualification(
        "timeline.purchaseTimeframe",
        q -> q.timeline().purchaseTimeframe() == null ? null : q.timeline().purchaseTimeframe().label());
    qualification("timeline.note", q -> q.timeline().note());
    qualification("fit.note", q -> q.fit().note());
  }

  private LeadFields() {}

  /** The fields' API names, in the order the API lists them. */
  public static List<String> names() {
    return List.copyOf(FIELDS.keySet());
  }

  /** The lead's value of every field (null when it has none), in the order of {@link #names()}. */
  public static Map<String, Object> of(Lead lead) {
    Map<String, Object> values = new LinkedHashMap<>();
    FIELDS.forEach((name, value) -> values.put(name, value.apply(lead)));
    return values;
  }

  /** The fields whose values differ, in the order of {@link #names()}. */
  static List<FieldChange> differences(Map<String, Object> before, Map<String, Object> after) {
    List<FieldChange> changes = new ArrayList<>();
    after.forEach((field, value) -> {
      Object old = before.get(field);
      if (!Objects.equals(old, value)) {
        changes.add(new FieldChange(field, old, value));
      }
    });
    return changes;
  }

  private static void details(String name, Function<LeadDetails, Object> value) {
    FIELDS.put(name, lead -> value.apply(lead.details()));
  }

  private static void qualification(String name, Function<Qualification, Object> value) {
    FIELDS.put("qualification." + name, lead -> value.apply(lead.qualification()));
  }

  private static Map<String, String> money(Money money) {
    if (money == null) {
      return null;
    }
    Map<String, String> value = new LinkedHashMap<>();
    value.put("amount", money.decimalAmount());
    value.put("currency", money.currency());
    return value;
  }

  /**
   * Values named by dotted paths ({@code qualification.budget.note}) as the JSON object they name
   * ({@code {"qualification": {"budget": {"note": ...}}}}): the lead's fields as a request sets them,
   * the base a merge patch applies to.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> nested(Map<String, Object> byPath) {
    Map<String, Object> root = new LinkedHashMap<>();
    byPath.forEach((path, value) -> {
      Map<String, Object> parent = root;
      String[] names = path.split("\\.");
      for (int i = 0; i < names.length - 1; i++) {
        parent = (Map<String, Object>) parent.computeIfAbsent(names[i], name -> new LinkedHashMap<String, Object>());
      }
      parent.put(names[names.length - 1], value);
    });
    return root;
  }
}
