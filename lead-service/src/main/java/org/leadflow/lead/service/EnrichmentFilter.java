package org.leadflow.lead.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead list's filters on what enrichment found (null: no filter), each answered from the lead's
 * row of {@code lead_enrichment}: a lead not enriched yet matches none of them.
 *
 * @param seniority as the job title rules name it (C-Level, VP, Director, Manager, Individual Contributor), without case
 * @param department as the job title rules name it (Sales, Marketing, IT, ...), without case
 */
public record EnrichmentFilter(Boolean freeMailEmail, Boolean disposableEmail, Boolean emailBounced, String seniority, String department) {

  public static final EnrichmentFilter NONE = new EnrichmentFilter(null, null, null, null, null);

  /** Adds the one condition these filters make on {@code lead l} in SQL, if any. */
  void addTo(List<String> conditions, Map<String, Object> parameters) {
    List<String> on = new ArrayList<>();
    flag(on, parameters, "freeMailEmail", "free_mail_email", freeMailEmail);
    flag(on, parameters, "disposableEmail", "disposable_email", disposableEmail);
    flag(on, parameters, "emailBounced", "email_bounced", emailBounced);
    text(on, parameters, "seniority", seniority);
    text(on, parameters, "department", department);
    if (!on.isEmpty()) {
      conditions.add("l.id IN (SELECT enriched.lead_id FROM lead_enrichment enriched WHERE " + String.join(" AND ", on) + ")");
    }
  }

  private static void flag(List<String> on, Map<String, Object> parameters, String name, String column, Boolean value) {
    if (value != null) {
      on.add("enriched." + column + " = :" + name);
      parameters.put(name, value);
    }
  }

  private static void text(List<String> on, Map<String, Object> parameters, String name, String value) {
    if (value != null) {
      on.add("lower(enriched." + name + ") = :" + name);
      parameters.put(name, value.toLowerCase(Locale.ROOT));
    }
  }
}
