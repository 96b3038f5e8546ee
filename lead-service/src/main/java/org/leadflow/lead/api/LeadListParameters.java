package org.leadflow.lead.api;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.lead.domain.ConversionStatus;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.lead.service.LeadQueries.LeadQuery;
import org.leadflow.lead.service.StuckConversions;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.FieldError;
import org.leadflow.web.PageParameters;

/** Paging, sorting and filters of {@code GET /api/v1/leads}. */
public class LeadListParameters {

  /** API sort field → entity attribute. */
  private static final Map<String, String> SORTABLE =
      Map.of(
          "createdAt", "createdAt",
          "updatedAt", "updatedAt",
          "lastName", "details.lastName",
          "companyName", "details.companyName",
          "country", "details.country",
          "state", "state");

  @QueryParam("page")
  @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0"))
  String page;

  @QueryParam("size")
  @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200"))
  String size;

  @QueryParam("sort")
  @DefaultValue("createdAt,desc")
  @Parameter(description = "field,asc|desc; fields: createdAt, updatedAt, lastName, companyName, country, state", example = "createdAt,desc")
  String sort;

  @QueryParam("state")
  @Parameter(description = "Open, Qualified or Disqualified")
  String state;

  @QueryParam("statusReason")
  @Parameter(description = "New, Contacted, Qualified, Lost, Cannot Contact, No Longer Interested, Canceled")
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

  @QueryParam("q")
  @Parameter(description = "Free text over first and last name, company and email")
  String q;

  /** @param stuckBefore conversions asked for before it and still pending are stuck */
  LeadQuery toQuery(Instant stuckBefore) {
    List<FieldError> errors = new ArrayList<>();
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (state != null) {
      label(errors, "state", () -> LeadState.fromLabel(state))
          .ifPresent(value -> condition(conditions, parameters, "state", "state", value));
    }
    if (statusReason != null) {
      label(errors, "statusReason", () -> StatusReason.fromLabel(statusReason))
          .ifPresent(value -> condition(conditions, parameters, "statusReason", "statusReason", value));
    }
    if (source != null) {
      label(errors, "source", () -> LeadSource.fromLabel(source))
          .ifPresent(value -> condition(conditions, parameters, "details.source", "source", value));
    }
    if (conversionStatus != null) {
      label(errors, "conversionStatus", () -> ConversionStatus.fromLabel(conversionStatus))
          .ifPresent(value -> condition(conditions, parameters, "conversion.status", "conversionStatus", value));
    }
    if (conversionStuck != null) {
      switch (conversionStuck.strip()) {
        case "true" -> conditions.add("(" + StuckConversions.CONDITION + ")");
        case "false" -> conditions.add("(" + StuckConversions.NOT_STUCK + ")");
        default -> errors.add(new FieldError("conversionStuck", "must be true or false"));
      }
      parameters.put("pending", ConversionStatus.PENDING);
      parameters.put("stuckBefore", stuckBefore);
    }
    if (ownerId != null) {
      condition(conditions, parameters, "ownerId", "ownerId", ownerId);
    }
    if (country != null) {
      condition(conditions, parameters, "details.country", "country", country.toUpperCase(Locale.ROOT));
    }
    PageParameters paging = PageParameters.read(page, size, errors);
    range(conditions, parameters, "createdAt", ">=", "createdFrom", BusinessDates.instant("createdFrom", createdFrom, errors));
    range(conditions, parameters, "createdAt", "<", "createdTo", BusinessDates.instant("createdTo", createdTo, errors));
    range(conditions, parameters, "updatedAt", ">=", "updatedFrom", BusinessDates.instant("updatedFrom", updatedFrom, errors));
    range(conditions, parameters, "updatedAt", "<", "updatedTo", BusinessDates.instant("updatedTo", updatedTo, errors));
    if (q != null && !q.isBlank()) {
      conditions.add(
          "(lower(details.firstName) like :q escape '\\' or lower(details.lastName) like :q escape '\\'"
              + " or lower(details.companyName) like :q escape '\\' or lower(details.email) like :q escape '\\')");
      parameters.put("q", "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    Sort order = parseSort(errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    return new LeadQuery(where, parameters, order, paging.page(), paging.size());
  }

  private Sort parseSort(List<FieldError> errors) {
    String[] parts = sort.split(",", -1);
    String field = SORTABLE.get(parts[0].strip());
    String direction = parts.length > 1 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
    if (field == null || parts.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
      errors.add(
          new FieldError(
              "sort",
              "must be field,asc or field,desc with field one of " + String.join(", ", SORTABLE.keySet())));
      return Sort.by("createdAt", Sort.Direction.Descending);
    }
    Sort.Direction dir = direction.equals("desc") ? Sort.Direction.Descending : Sort.Direction.Ascending;
    // id breaks ties so that pages never overlap or skip rows.
    return Sort.by(field, dir).and("id", dir);
  }

  private static void range(
      List<String> conditions, Map<String, Object> parameters, String attribute, String operator, String name, Object value) {
    if (value != null) {
      conditions.add(attribute + " " + operator + " :" + name);
      parameters.put(name, value);
    }
  }

  private static void condition(
      List<String> conditions, Map<String, Object> parameters, String attribute, String parameter, Object value) {
    conditions.add(attribute + " = :" + parameter);
    parameters.put(parameter, value);
  }

  private static <T> java.util.Optional<T> label(
      List<FieldError> errors, String field, java.util.function.Supplier<T> parse) {
    try {
      return java.util.Optional.of(parse.get());
    } catch (UnknownLabelException e) {
      errors.add(new FieldError(field, "must be one of " + String.join(", ", e.allowed())));
      return java.util.Optional.empty();
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
