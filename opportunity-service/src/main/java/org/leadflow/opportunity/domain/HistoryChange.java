package org.leadflow.opportunity.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One field's change, named as the API names it ({@code probability}, {@code lines[2]}), with
 * values as the API shows them: labels for enumerations, {amount, currency} for money, ISO dates.
 */
public record HistoryChange(String field, Object oldValue, Object newValue) {

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
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> shown = new LinkedHashMap<>();
      map.forEach((key, member) -> shown.put(key, shown(member)));
      return shown;
    }
    return value;
  }
}
