package org.leadflow.lead.service;

import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadflow.lead.domain.ConversionStatus;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.policy.FitVerdict;

/**
 * What a caller asks of the lead list ({@code GET /leads}): filters that combine with AND (null: none),
 * the sort and the page.
 *
 * @param country an ISO 3166-1 alpha-2 code, upper case
 * @param text free text over first and last name, company and email (lower case, stripped)
 * @param conversionStuck true: only conversions pending longer than {@code
 *     leadflow.conversion.stuck-after}; false: all others
 * @param readinessMin readiness kept on the lead (see {@code MeasuredReadiness}) at least this, 0–100
 * @param requiredMet true: every required criterion met; false: some not met
 * @param enrichment filters on what enrichment found
 * @param scoreMin the lead's score (docs/scoring.md) at least this, 0–100; leads not scored yet never match
 * @param grades the lead's grade one of these (A–D); null or empty: any
 * @param sortBy one of {@link #sortableFields()}; {@code readiness} and {@code score} put leads not measured (scored) yet last
 */
public record LeadListQuery(
    LeadState state,
    StatusReason statusReason,
    LeadSource source,
    ConversionStatus conversionStatus,
    Boolean conversionStuck,
    String ownerId,
    String country,
    Instant createdFrom,
    Instant createdTo,
    Instant updatedFrom,
    Instant updatedTo,
    String text,
    Integer readinessMin,
    Integer readinessMax,
    FitVerdict fit,
    Boolean requiredMet,
    String sortBy,
    boolean descending,
    int page,
    int size,
    EnrichmentFilter enrichment,
    Integer scoreMin,
    Integer scoreMax,
    Set<String> grades) {

  /** API sort field → entity attribute. */
  private static final Map<String, String> SORTABLE =
      Map.of(
          "createdAt", "createdAt",
          "updatedAt", "updatedAt",
          "lastName", "details.lastName",
          "companyName", "details.companyName",
          "country", "details.country",
          "state", "state",
          "readiness", "readiness.score",
          "score", "score.value");

  /** The fields the list sorts by, as the API names them. */
  public static Set<String> sortableFields() {
    return SORTABLE.keySet();
  }

  /** @param stuckBefore conversions asked for before it and still pending are stuck */
  LeadQueries.LeadQuery toQuery(Instant stuckBefore) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    condition(conditions, parameters, "state", "state", state);
    condition(conditions, parameters, "statusReason", "statusReason", statusReason);
    condition(conditions, parameters, "details.source", "source", source);
    condition(conditions, parameters, "conversion.status", "conversionStatus", conversionStatus);
    if (conversionStuck != null) {
      conditions.add("(" + (conversionStuck ? StuckConversions.CONDITION : StuckConversions.NOT_STUCK) + ")");
      parameters.put("pending", ConversionStatus.PENDING);
      parameters.put("stuckBefore", stuckBefore);
    }
    condition(conditions, parameters, "ownerId", "ownerId", ownerId);
    condition(conditions, parameters, "details.country", "country", country);
    range(conditions, parameters, "createdAt", ">=", "createdFrom", createdFrom);
    range(conditions, parameters, "createdAt", "<", "createdTo", createdTo);
    range(conditions, parameters, "updatedAt", ">=", "updatedFrom", updatedFrom);
    range(conditions, parameters, "updatedAt", "<", "updatedTo", updatedTo);
    range(conditions, parameters, "readiness.score", ">=", "readinessMin", readinessMin);
    range(conditions, parameters, "readiness.score", "<=", "readinessMax", readinessMax);
    condition(conditions, parameters, "readiness.fit", "fit", fit);
    condition(conditions, parameters, "readiness.requiredMet", "requiredMet", requiredMet);
    range(conditions, parameters, "score.value", ">=", "scoreMin", scoreMin);
    range(conditions, parameters, "score.value", "<=", "scoreMax", scoreMax);
    if (grades != null && !grades.isEmpty()) {
      conditions.add("score.grade in (:grades)");
      parameters.put("grades", grades);
    }
    enrichment.addTo(conditions, parameters);
    if (text != null) {
      conditions.add(
          "(lower(details.firstName) like :q escape '\\' or lower(details.lastName) like :q escape '\\'"
              + " or lower(details.companyName) like :q escape '\\' or lower(details.email) like :q escape '\\')");
      parameters.put("q", "%" + escapeLike(text) + "%");
    }
    Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
    // id breaks ties so that pages never overlap or skip rows.
    // Leads not measured (scored) yet come last either way. Only the readiness and score sorts say so: the other fields'
    // indexes keep PostgreSQL's default null order, which an explicit NULLS LAST would keep them from serving.
    Sort order =
        (sortBy.equals("readiness") || sortBy.equals("score")
                ? Sort.by(SORTABLE.get(sortBy), direction, Sort.NullPrecedence.NULLS_LAST)
                : Sort.by(SORTABLE.get(sortBy), direction))
            .and("id", direction);
    String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    return new LeadQueries.LeadQuery(where, parameters, order, page, size);
  }

  private static void condition(
      List<String> conditions, Map<String, Object> parameters, String attribute, String parameter, Object value) {
    if (value != null) {
      conditions.add(attribute + " = :" + parameter);
      parameters.put(parameter, value);
    }
  }

  private static void range(
      List<String> conditions, Map<String, Object> parameters, String attribute, String operator, String name, Object value) {
    if (value != null) {
      conditions.add(attribute + " " + operator + " :" + name);
      parameters.put(name, value);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
