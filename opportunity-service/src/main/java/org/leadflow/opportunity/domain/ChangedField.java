package org.leadflow.opportunity.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One field's change in a record's history, named as the API names it ({@code name},
 * {@code annualRevenue}) with JSON-friendly values ({amount, currency} for money).
 */
public record ChangedField(String field, Object oldValue, Object newValue) {

  /** Collects the fields whose values differ, in the order they are compared. */
  static final class Collector {
    private final List<ChangedField> changes = new ArrayList<>();

    Collector compare(String field, Object oldValue, Object newValue) {
      Object before = jsonValue(oldValue);
      Object after = jsonValue(newValue);
      if (!Objects.equals(before, after)) {
        changes.add(new ChangedField(field, before, after));
      }
      return this;
    }

    List<ChangedField> changes() {
      return List.copyOf(changes);
    }

    private static Object jsonValue(Object value) {
      if (value instanceof Money money) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("amount", money.amountText());
        json.put("currency", money.currency());
        return json;
      }
      return value instanceof java.util.UUID id ? id.toString() : value;
    }
  }
}
