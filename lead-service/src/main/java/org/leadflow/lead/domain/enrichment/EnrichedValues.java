package org.leadflow.lead.domain.enrichment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.leadflow.lead.domain.Money;

/** Facts as their JSON column holds them: {@code {key: {value, source, enrichedAt}}}. */
final class EnrichedValues {

  private EnrichedValues() {}

  static Map<String, Object> write(Map<String, EnrichedValue> facts) {
    Map<String, Object> written = new LinkedHashMap<>();
    facts.forEach((key, fact) -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("value", fact.value());
      one.put("source", fact.source());
      one.put("enrichedAt", fact.enrichedAt().toString());
      written.put(key, one);
    });
    return written;
  }

  static Map<String, EnrichedValue> read(Map<String, Object> written) {
    Map<String, EnrichedValue> facts = new LinkedHashMap<>();
    if (written == null) {
      return facts;
    }
    written.forEach((key, one) -> {
      if (one instanceof Map<?, ?> fact && fact.get("value") != null) {
        facts.put(key, new EnrichedValue(fact.get("value"), String.valueOf(fact.get("source")), Instant.parse(String.valueOf(fact.get("enrichedAt")))));
      }
    });
    return facts;
  }

  /** The provider's company data as the facts keep it. */
  static CompanyData company(Map<String, EnrichedValue> facts) {
    Object employees = value(facts.get(Enrichers.NUMBER_OF_EMPLOYEES));
    return new CompanyData(
        (String) value(facts.get(Enrichers.COMPANY_NAME)),
        (String) value(facts.get(Enrichers.INDUSTRY)),
        employees instanceof Number number ? number.intValue() : null,
        money(facts.get(Enrichers.ANNUAL_REVENUE)),
        (String) value(facts.get(Enrichers.COMPANY_COUNTRY)));
  }

  /** A money fact ({amount, currency}) as money; null for none. */
  static Money money(EnrichedValue fact) {
    return fact != null && fact.value() instanceof Map<?, ?> money
        ? new Money(new BigDecimal(money.get("amount").toString()), money.get("currency").toString())
        : null;
  }

  private static Object value(EnrichedValue fact) {
    return fact == null ? null : fact.value();
  }

  /** Whether both say the same values from the same sources (times aside; numbers compared as numbers). */
  static boolean sameValues(Map<String, EnrichedValue> before, Map<String, EnrichedValue> after) {
    if (!before.keySet().equals(after.keySet())) {
      return false;
    }
    return after.entrySet().stream()
        .allMatch(entry -> {
          EnrichedValue old = before.get(entry.getKey());
          return old.source().equals(entry.getValue().source()) && same(old.value(), entry.getValue().value());
        });
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return Objects.equals(a, b);
  }
}
