package org.leadflow.lead.api;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.lead.domain.ConversionStatus;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.lead.domain.policy.FitVerdict;
import org.leadflow.lead.service.EnrichmentFilter;
import org.leadflow.lead.service.LeadListCursor;
import org.leadflow.lead.service.LeadListQuery;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.FieldError;
import org.leadflow.web.PageParameters;

/** Paging, sorting and filters of {@code GET /api/v1/leads}. */
public class LeadListParameters {

  @QueryParam("page")
  @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
  String page;

  @QueryParam("size")
  @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200"))
  String size;

  @QueryParam("cursor")
  @Parameter(
      description =
          "Keyset paging: the nextCursor of the previous page; send the same filters and sort with it, and no page. The"
              + " page then starts after the last lead shown, by its sort value and id, so that deep pages cost what the"
              + " first does and a lead added or removed meanwhile neither repeats nor skips one. Every sort supports it."
              + " A cursor that was altered, cut, or made for other filters or another sort is refused with 400",
      schema = @Schema(type = SchemaType.STRING, maxLength = LeadListCursor.MAX_LENGTH))
  String cursor;

  @QueryParam("exactTotal")
  @Parameter(
      description =
          "true: total counts every matching lead, however many (slower for large lists); false (default): exact up to"
              + " leadflow.leads.list.exact-total-limit matching leads, the database's estimate above it (totalIsEstimate)",
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"),
      examples = @ExampleObject(name = "exact total", value = "true"))
  String exactTotal;

  @QueryParam("sort")
  @DefaultValue("createdAt,desc")
  @Parameter(
      description =
          "field,asc|desc; fields: createdAt, updatedAt, lastName, companyName, country, state, readiness, score (leads"
              + " not measured or scored yet come last either way)",
      examples = {
        @ExampleObject(name = "newest first", value = "createdAt,desc"),
        @ExampleObject(name = "most ready first", value = "readiness,desc"),
        @ExampleObject(name = "best score first", value = "score,desc")
      })
  String sort;

  @QueryParam("state")
  @Parameter(description = "Open, Qualified or Disqualified")
  String state;

  @QueryParam("statusReason")
  @Parameter(description = "New, Contacted, Qualified, Lost, Cannot Contact, No Longer Interested, Canceled, Merged (merged into another lead)")
  String statusReason;

  @QueryParam("source")
  @Parameter(description = "Lead source, e.g. Trade Show")
  String source;

  @QueryParam("ownerId")
  String ownerId;

  @QueryParam("country")
  @Parameter(description = "ISO 3166-1 alpha-2 code", example = "GB")
  String country;

  @QueryParam("createdFrom")
  @Parameter(description = "Created at or after (ISO-8601)", example = "2026-01-01T00:00:00Z")
  String createdFrom;

  @QueryParam("createdTo")
  @Parameter(description = "Created before (ISO-8601)")
  String createdTo;

  @QueryParam("updatedFrom")
  @Parameter(description = "Updated at or after (ISO-8601)")
  String updatedFrom;

  @QueryParam("updatedTo")
  @Parameter(description = "Updated before (ISO-8601)")
  String updatedTo;

  @QueryParam("conversionStatus")
  @Parameter(
      description = "Where the lead's conversion stands: pending, completed or failed (only qualified leads have one)",
      examples = {
        @ExampleObject(name = "pending", value = "pending"),
        @ExampleObject(name = "failed", value = "failed")
      })
  String conversionStatus;

  @QueryParam("conversionStuck")
  @Parameter(
      description =
          "true: only leads whose conversion has been pending longer than leadflow.conversion.stuck-after (default"
              + " 5 minutes), which a sales manager may publish again; false: all others",
      schema = @Schema(type = SchemaType.BOOLEAN),
      examples = @ExampleObject(name = "stuck conversions", value = "true"))
  String conversionStuck;

  @QueryParam("readinessMin")
  @Parameter(
      description = "Readiness by the qualification policy at least this (0–100), as last measured",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"),
      example = "60")
  String readinessMin;

  @QueryParam("readinessMax")
  @Parameter(
      description = "Readiness by the qualification policy at most this (0–100), as last measured",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
  String readinessMax;

  @QueryParam("fit")
  @Parameter(
      description = "Fit with the ideal customer profile: Good fit, Partial fit, Poor fit or Unknown",
      example = "Good fit")
  String fit;

  @QueryParam("requiredMet")
  @Parameter(
      description = "true: every required criterion of the qualification policy is met; false: some are not",
      schema = @Schema(type = SchemaType.BOOLEAN))
  String requiredMet;

  @QueryParam("scoreMin")
  @Parameter(
      description = "Score (a calibrated probability of conversion in percent, docs/scoring.md) at least this, 0–100; leads not scored yet never match",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"),
      example = "70")
  String scoreMin;

  @QueryParam("scoreMax")
  @Parameter(description = "Score at most this, 0–100", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100"))
  String scoreMax;

  @QueryParam("grade")
  @Parameter(description = "Score grade: A, B, C or D, or several separated by commas", examples = {
    @ExampleObject(name = "grade A", value = "A"),
    @ExampleObject(name = "grades A and B", value = "A,B")
  })
  String grade;

  @QueryParam("q")
  @Parameter(description = "Free text over first and last name, company and email")
  String q;

  @QueryParam("freeMailEmail")
  @Parameter(description = "Enrichment: true, the email is at a free-mail domain; false, it is not (leads without email or not enriched yet match neither)", schema = @Schema(type = SchemaType.BOOLEAN))
  String freeMailEmail;

  @QueryParam("disposableEmail")
  @Parameter(description = "Enrichment: true, the email is at a disposable-mailbox domain; false, it is not", schema = @Schema(type = SchemaType.BOOLEAN))
  String disposableEmail;

  @QueryParam("emailBounced")
  @Parameter(description = "Enrichment: true, an email to the lead's current address bounced; false, none did", schema = @Schema(type = SchemaType.BOOLEAN))
  String emailBounced;

  @QueryParam("seniority")
  @Parameter(description = "Enrichment: the seniority read from the job title, without case (C-Level, VP, Director, Manager, Individual Contributor)", example = "VP")
  String seniority;

  @QueryParam("department")
  @Parameter(description = "Enrichment: the department read from the job title, without case (Sales, Marketing, IT, Finance, HR, Operations, ...)", example = "Sales")
  String department;

  /** The query these parameters ask for, or an {@link InvalidRequestException} naming every offending one. */
  LeadListQuery toQuery() {
    List<FieldError> errors = new ArrayList<>();
    LeadState stateIs = state == null ? null : label(errors, "state", () -> LeadState.fromLabel(state));
    StatusReason reasonIs = statusReason == null ? null : label(errors, "statusReason", () -> StatusReason.fromLabel(statusReason));
    LeadSource sourceIs = source == null ? null : label(errors, "source", () -> LeadSource.fromLabel(source));
    ConversionStatus conversionIs =
        conversionStatus == null ? null : label(errors, "conversionStatus", () -> ConversionStatus.fromLabel(conversionStatus));
    Boolean stuck = bool(errors, "conversionStuck", conversionStuck);
    Boolean ready = bool(errors, "requiredMet", requiredMet);
    EnrichmentFilter enriched =
        new EnrichmentFilter(
            bool(errors, "freeMailEmail", freeMailEmail),
            bool(errors, "disposableEmail", disposableEmail),
            bool(errors, "emailBounced", emailBounced),
            enrichmentLabel(errors, "seniority", seniority),
            enrichmentLabel(errors, "department", department));
    Integer readinessFrom = percent(errors, "readinessMin", readinessMin);
    Integer readinessTo = percent(errors, "readinessMax", readinessMax);
    if (readinessFrom != null && readinessTo != null && readinessFrom > readinessTo) {
      errors.add(new FieldError("readinessMax", "must not be below readinessMin"));
    }
    FitVerdict fitIs = fit == null ? null : fit(errors);
    Integer scoreFrom = percent(errors, "scoreMin", scoreMin);
    Integer scoreTo = percent(errors, "scoreMax", scoreMax);
    if (scoreFrom != null && scoreTo != null && scoreFrom > scoreTo) {
      errors.add(new FieldError("scoreMax", "must not be below scoreMin"));
    }
    Set<String> grades = grades(errors);
    PageParameters paging = PageParameters.read(page, size, errors);
    Instant createdFromIs = BusinessDates.instant("createdFrom", createdFrom, errors);
    Instant createdToIs = BusinessDates.instant("createdTo", createdTo, errors);
    Instant updatedFromIs = BusinessDates.instant("updatedFrom", updatedFrom, errors);
    Instant updatedToIs = BusinessDates.instant("updatedTo", updatedTo, errors);
    String[] order = parseSort(errors);
    Boolean exact = bool(errors, "exactTotal", exactTotal);
    LeadListCursor after = cursor == null || cursor.isBlank() ? null : cursor(errors, order[0]);
    if (after != null && page != null) {
      errors.add(new FieldError("page", "must not be given with a cursor: the cursor knows its page"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    LeadListQuery query = new LeadListQuery(
        stateIs,
        reasonIs,
        sourceIs,
        conversionIs,
        stuck,
        ownerId,
        country == null ? null : country.toUpperCase(Locale.ROOT),
        createdFromIs,
        createdToIs,
        updatedFromIs,
        updatedToIs,
        q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT),
        readinessFrom,
        readinessTo,
        fitIs,
        ready,
        order[0],
        order[1].equals("desc"),
        paging.page(),
        paging.size(),
        enriched,
        scoreFrom,
        scoreTo,
        grades,
        after,
        Boolean.TRUE.equals(exact));
    if (after != null && after.fingerprint() != query.fingerprint()) {
      throw new InvalidRequestException(
          List.of(new FieldError("cursor", "was made for other filters or another sort: send the ones of the page that gave it")));
    }
    return query;
  }

  /** The cursor, read for the sort asked for; null (and an error) when it is not one the list gave. */
  private LeadListCursor cursor(List<FieldError> errors, String sortBy) {
    if (!LeadListQuery.sortableFields().contains(sortBy)) {
      return null; // the sort's own error says why
    }
    try {
      return LeadListCursor.decode(cursor, LeadListQuery.sortValueKind(sortBy));
    } catch (LeadListCursor.InvalidCursorException e) {
      errors.add(new FieldError("cursor", "is invalid: it " + e.getMessage()));
      return null;
    }
  }

  /** "A", "a,b" → {A, B}; anything else an error. */
  private Set<String> grades(List<FieldError> errors) {
    if (grade == null) {
      return null;
    }
    Set<String> grades = new java.util.TreeSet<>();
    for (String one : grade.split(",", -1)) {
      String upper = one.strip().toUpperCase(Locale.ROOT);
      if (!List.of("A", "B", "C", "D").contains(upper)) {
        errors.add(new FieldError("grade", "must be A, B, C or D, or several separated by commas"));
        return null;
      }
      grades.add(upper);
    }
    return grades;
  }

  /** A seniority or department as the job title rules name them: a short text without control characters. */
  private static String enrichmentLabel(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > 40 || value.chars().anyMatch(Character::isISOControl)) {
      errors.add(new FieldError(field, "must be 1 to 40 characters without control characters"));
      return null;
    }
    return value.strip();
  }

  /** The sort field and direction ({@code asc}, {@code desc}); an error when they are not one of the list's. */
  private String[] parseSort(List<FieldError> errors) {
    String[] parts = sort.split(",", -1);
    String field = parts[0].strip();
    String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
    if (!LeadListQuery.sortableFields().contains(field) || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
      errors.add(
          new FieldError(
              "sort",
              "must be field,asc or field,desc with field one of " + String.join(", ", LeadListQuery.sortableFields())));
    }
    return new String[] {field, direction};
  }

  private static Boolean bool(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    switch (value.strip()) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        errors.add(new FieldError(field, "must be true or false"));
        return null;
    }
  }

  private static Integer percent(List<FieldError> errors, String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= 0 && parsed <= 100) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    errors.add(new FieldError(field, "must be a whole number from 0 to 100"));
    return null;
  }

  private FitVerdict fit(List<FieldError> errors) {
    for (FitVerdict verdict : FitVerdict.values()) {
      if (verdict.label().equalsIgnoreCase(fit.strip())) {
        return verdict;
      }
    }
    errors.add(
        new FieldError("fit", "must be one of " + String.join(", ", Arrays.stream(FitVerdict.values()).map(FitVerdict::label).toList())));
    return null;
  }

  private static <T> T label(List<FieldError> errors, String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (UnknownLabelException e) {
      errors.add(new FieldError(field, "must be one of " + String.join(", ", e.allowed())));
      return null;
    }
  }
}
