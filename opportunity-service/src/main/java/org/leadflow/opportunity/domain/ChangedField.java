package org.leadflow.opportunity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One field's change in a record's history (accounts, contacts, opportunities), named as the API
 * names it ({@code name}, {@code annualRevenue}, {@code lines[2]}) with values as the API shows them:
 * labels for enumerations, {amount, currency} for money, ISO dates, ids as text.
 */
public record ChangedField(String field, Object oldValue, Object newValue) {

  /** A value as the API shows it. */
  static Object shown(Object value) {
    if (value instanceof OpportunityStage stage) {
      return stage.label();
    }
    if (value instanceof OpportunityState state) {
      return state.label();
    }
    if (value instanceof OpportunityStatusReason reason) {
      return reason.label();
    }
    if (value instanceof EstimatedValueSource source) {
      return source.label();
    }
    if (value instanceof Money money) {
      Map<String, String> shown = new LinkedHashMap<>();
      shown.put("amount", money.amountText());
      shown.put("currency", money.currency());
      return shown;
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof UUID id) {
      return id.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> shown = new LinkedHashMap<>();
      map.forEach((key, member) -> shown.put(key, shown(member)));
      return shown;
    }
    return value;
  }

  /** Collects the fields whose values differ, in the order they are compared. */
  static final class Collector {
    private final List<ChangedField> changes = new ArrayList<>();

    Collector compare(String field, Object oldValue, Object newValue) {
      Object before = shown(oldValue);
      Object after = shown(newValue);
      if (!Objects.equals(before, after)) {
        changes.add(new ChangedField(field, before, after));
      }
      return this;
    }

    List<ChangedField> changes() {
      return List.copyOf(changes);
    }
  }
}
