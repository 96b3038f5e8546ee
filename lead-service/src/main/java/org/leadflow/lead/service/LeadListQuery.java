package org.leadflow.lead.service;

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
 * @param after where a keyset page starts (then {@code page} is the cursor's); null: {@code page} by offset
 * @param exactTotal true: count every matching lead, however many; false: exactly up to {@code
 *     leadflow.leads.list.exact-total-limit}, an estimate above it
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
    Set<String> grades,
    LeadListCursor after,
    boolean exactTotal) {

  /** API sort field → its column, whether the column may be null, and whether nulls come last either way. */
  private record SortColumn(String column, Class<?> kind, boolean nullable, boolean nullsLastAlways) {}

  private static final Map<String, SortColumn> SORTABLE =
      Map.of(
          "createdAt", new SortColumn("created_at", Instant.class, false, false),
          "updatedAt", new SortColumn("updated_at", Instant.class, false, false),
          "lastName", new SortColumn("last_name", String.class, true, false),
          "companyName", new SortColumn("company_name", String.class, true, false),
          "country", new SortColumn("country", String.class, true, false),
          "state", new SortColumn("state", String.class, false, false),
          "readiness", new SortColumn("readiness_score", Integer.class, true, true),
          "score", new SortColumn("score", Integer.class, true, true));

  /** The fields the list sorts by, as the API names them. */
  public static Set<String> sortableFields() {
    return SORTABLE.keySet();
  }

  /** What the sort field's values are (String, Integer or Instant): what a cursor for it holds. */
  public static Class<?> sortValueKind(String sortBy) {
    return SORTABLE.get(sortBy).kind();
  }

  /** The sort and filters of this query, as a number a cursor carries: a cursor belongs to one list. */
  public long fingerprint() {
    return LeadListCursor.fingerprint(new LeadListQuery(
        state, statusReason, source, conversionStatus, conversionStuck, ownerId, country, createdFrom, createdTo, updatedFrom,
        updatedTo, text, readinessMin, readinessMax, fit, requiredMet, sortBy, descending, 0, 0, enrichment, scoreMin, scoreMax,
        grades, null, false).toString());
  }

  /** The cursor that continues this list after the lead with {@code id} and {@code sortValue}. */
  public LeadListCursor after(Object sortValue, java.util.UUID id) {
    return new LeadListCursor((after == null ? page : after.page()) + 1, sortValue, id, fingerprint());
  }

  /** The page number to answer: the cursor's, or the one asked for. */
  public int pageNumber() {
    return after == null ? page : after.page();
  }

  /**
   * This query in SQL over {@code lead l}: its filters, and separately where a keyset page starts and the order.
   *
   * @param stuckBefore conversions asked for before it and still pending are stuck
   */
  LeadListSql toSql(Instant stuckBefore) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    condition(conditions, parameters, "l.state", "state", state == null ? null : state.name());
    condition(conditions, parameters, "l.status_reason", "statusReason", statusReason == null ? null : statusReason.name());
    condition(conditions, parameters, "l.source", "source", source == null ? null : source.name());
    condition(
        conditions, parameters, "l.conversion_status", "conversionStatus", conversionStatus == null ? null : conversionStatus.name());
    if (conversionStuck != null) {
      conditions.add("(" + (conversionStuck ? StuckConversions.SQL_CONDITION : StuckConversions.SQL_NOT_STUCK) + ")");
      parameters.put("pending", ConversionStatus.PENDING.name());
      parameters.put("stuckBefore", stuckBefore);
    }
    condition(conditions, parameters, "l.owner_id", "ownerId", ownerId);
    condition(conditions, parameters, "l.country", "country", country);
    range(conditions, parameters, "l.created_at", ">=", "createdFrom", createdFrom);
    range(conditions, parameters, "l.created_at", "<", "createdTo", createdTo);
    range(conditions, parameters, "l.updated_at", ">=", "updatedFrom", updatedFrom);
    range(conditions, parameters, "l.updated_at", "<", "updatedTo", updatedTo);
    range(conditions, parameters, "l.readiness_score", ">=", "readinessMin", readinessMin);
    range(conditions, parameters, "l.readiness_score", "<=", "readinessMax", readinessMax);
    condition(conditions, parameters, "l.readiness_fit", "fit", fit == null ? null : fit.name());
    condition(conditions, parameters, "l.readiness_required_met", "requiredMet", requiredMet);
    range(conditions, parameters, "l.score", ">=", "scoreMin", scoreMin);
    range(conditions, parameters, "l.score", "<=", "scoreMax", scoreMax);
    if (grades != null && !grades.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (String grade : grades) {
        String name = "grade" + names.size();
        names.add(":" + name);
        parameters.put(name, grade);
      }
      conditions.add("l.score_grade IN (" + String.join(", ", names) + ")");
    }
    enrichment.addTo(conditions, parameters);
    if (text != null) {
      conditions.add(
          "(lower(l.first_name) LIKE :q ESCAPE '\\' OR lower(l.last_name) LIKE :q ESCAPE '\\'"
              + " OR lower(l.company_name) LIKE :q ESCAPE '\\' OR lower(l.email) LIKE :q ESCAPE '\\')");
      parameters.put("q", "%" + escapeLike(text) + "%");
    }
    SortColumn sort = SORTABLE.get(sortBy);
    String column = "l." + sort.column();
    String direction = descending ? " DESC" : " ASC";
    // id breaks ties so that pages never overlap or skip rows.
    // Leads not measured (scored) yet come last either way. Only the readiness and score sorts say so: the other fields'
    // indexes keep PostgreSQL's default null order (last ascending, first descending), which an explicit NULLS LAST would
    // keep them from serving.
    String order = column + direction + (sort.nullsLastAlways() ? " NULLS LAST" : "") + ", l.id" + direction;
    String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    Map<String, Object> keysetParameters = new HashMap<>();
    String keyset = after == null ? null : keyset(sort, column, keysetParameters);
    return new LeadListSql(where, parameters, column, order, keyset, keysetParameters);
  }

  /**
   * The leads after the cursor's in this order: a later sort value, or the same one and a later id, and where the
   * nulls fall. For a value, the bound on the column alone ({@code column <= :value} descending) lets an index on it
   * start at the cursor rather than filter the rows before it.
   */
  private String keyset(SortColumn sort, String column, Map<String, Object> parameters) {
    String later = descending ? "<" : ">";
    boolean nullsLast = sort.nullsLastAlways() || !descending;
    parameters.put("afterId", after.id());
    if (after.sortValue() == null) {
      String sameNull = "(" + column + " IS NULL AND l.id " + later + " :afterId)";
      return nullsLast ? sameNull : "(" + sameNull + " OR " + column + " IS NOT NULL)";
    }
    parameters.put("afterValue", after.sortValue());
    String afterValue =
        "(" + column + " " + later + "= :afterValue AND (" + column + " " + later + " :afterValue OR l.id " + later + " :afterId))";
    return sort.nullable() && nullsLast ? "(" + afterValue + " OR " + column + " IS NULL)" : afterValue;
  }

  /**
   * The list in SQL over {@code lead l}.
   *
   * @param where the filters
   * @param sortColumn the sort field's column, for the cursor's value
   * @param order the ORDER BY
   * @param keyset where a keyset page starts, with its own parameters; null: paged by offset
   */
  record LeadListSql(
      String where, Map<String, Object> parameters, String sortColumn, String order, String keyset, Map<String, Object> keysetParameters) {

    /** These filters and one more condition. */
    LeadListSql and(String condition, String parameter, Object value) {
      return and(condition, Map.of(parameter, value));
    }

    /** The filters of the page: these and, after a cursor, where the page starts. */
    LeadListSql page() {
      return keyset == null ? this : and(keyset, keysetParameters);
    }

    private LeadListSql and(String condition, Map<String, Object> values) {
      Map<String, Object> more = new HashMap<>(parameters);
      more.putAll(values);
      return new LeadListSql("(" + where + ") AND " + condition, more, sortColumn, order, keyset, keysetParameters);
    }
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
