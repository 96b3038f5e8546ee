package org.leadflow.lead.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadflow.lead.domain.HistoricalOutcome;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.domain.UnknownLabelException;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;

/**
 * An {@link ImportMapping} checked and ready: turns one row (column → text) into the JSON body of a
 * lead, as {@code POST /leads} would receive it, and the row's historical outcome. What the body
 * then is worth is decided by the API's own binding and validation ({@link ImportRows}).
 */
final class ColumnMapping {

  /** The lead fields a column can fill: those of {@link LeadInput} that hold one value. */
  static final List<String> FIELDS =
      List.of(
          "firstName", "lastName", "companyName", "jobTitle", "email", "phone", "website", "source", "industry", "numberOfEmployees",
          "annualRevenue.amount", "annualRevenue.currency", "country", "city", "ownerId", "description");

  private static final String ATTRIBUTES = "attributes.";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Where a value goes: a field, or an attribute of a type. */
  private record Target(String field, String attribute, String type) {}

  private final Map<String, Target> columns = new LinkedHashMap<>();
  /** No columns given: each column names its own field. */
  private boolean identity;
  private final Map<Target, String> templates = new LinkedHashMap<>();
  private final Map<Target, String> defaults = new LinkedHashMap<>();
  private final boolean unmappedAsAttributes;
  private final Set<String> missing = new HashSet<>();
  private final char delimiter;
  private final ImportMapping.OutcomeMapping outcome;
  private final Map<String, HistoricalOutcome.Kind> outcomeValues = new LinkedHashMap<>();

  private ColumnMapping(boolean unmappedAsAttributes, char delimiter, ImportMapping.OutcomeMapping outcome) {
    this.unmappedAsAttributes = unmappedAsAttributes;
    this.delimiter = delimiter;
    this.outcome = outcome;
  }

  /**
   * The mapping, or an {@link InvalidRequestException} naming each offending entry ({@code
   * mapping.columns.<column>}, ...).
   */
  static ColumnMapping of(ImportMapping mapping) {
    List<FieldError> errors = new ArrayList<>();
    String unmapped = mapping.unmappedColumns() == null ? "ignore" : mapping.unmappedColumns();
    if (!unmapped.equals("ignore") && !unmapped.equals("attributes")) {
      errors.add(new FieldError("mapping.unmappedColumns", "must be ignore or attributes"));
    }
    char delimiter = ',';
    if (mapping.delimiter() != null) {
      if (mapping.delimiter().length() != 1 || mapping.delimiter().charAt(0) == '"' || mapping.delimiter().charAt(0) == '\n' || mapping.delimiter().charAt(0) == '\r') {
        errors.add(new FieldError("mapping.delimiter", "must be one character other than a quote or a line break"));
      } else {
        delimiter = mapping.delimiter().charAt(0);
      }
    }
    ColumnMapping compiled = new ColumnMapping(unmapped.equals("attributes"), delimiter, mapping.outcome());
    compiled.identity = mapping.columns() == null;
    if (mapping.columns() != null) {
      mapping.columns().forEach((column, target) -> {
        Target parsed = target(target);
        if (parsed == null) {
          errors.add(new FieldError("mapping.columns." + column, unknownTarget(target)));
        } else {
          compiled.columns.put(column, parsed);
        }
      });
    }
    if (mapping.templates() != null) {
      mapping.templates().forEach((target, template) -> {
        Target parsed = target(target);
        if (parsed == null || template == null) {
          errors.add(new FieldError("mapping.templates." + target, parsed == null ? unknownTarget(target) : "must be a text with {Column} placeholders"));
        } else {
          compiled.templates.put(parsed, template);
        }
      });
    }
    if (mapping.defaults() != null) {
      mapping.defaults().forEach((target, value) -> {
        Target parsed = target(target);
        if (parsed == null || value == null) {
          errors.add(new FieldError("mapping.defaults." + target, parsed == null ? unknownTarget(target) : "must be a value"));
        } else {
          compiled.defaults.put(parsed, value);
        }
      });
    }
    if (mapping.missingValues() != null) {
      mapping.missingValues().stream().filter(value -> value != null).map(String::strip).forEach(compiled.missing::add);
    }
    ImportMapping.OutcomeMapping outcome = mapping.outcome();
    if (outcome != null) {
      if (outcome.column() == null || outcome.column().isBlank()) {
        errors.add(new FieldError("mapping.outcome.column", "is required"));
      }
      if (outcome.values() == null || outcome.values().isEmpty()) {
        errors.add(new FieldError("mapping.outcome.values", "must map at least one value to qualified, disqualified, won or lost"));
      } else {
        outcome.values().forEach((value, kind) -> {
          try {
            compiled.outcomeValues.put(value.strip(), HistoricalOutcome.Kind.fromLabel(kind));
          } catch (UnknownLabelException e) {
            errors.add(new FieldError("mapping.outcome.values." + value, "must be one of " + String.join(", ", e.allowed())));
          }
        });
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return compiled;
  }

  char delimiter() {
    return delimiter;
  }

  /** Refuses a mapping that names columns the file's header does not have. */
  void requireColumns(List<String> header) {
    Set<String> present = new HashSet<>(header);
    List<FieldError> errors = new ArrayList<>();
    if (identity) {
      header.stream().filter(column -> target(column) == null && !isOutcomeColumn(column))
          .forEach(column -> errors.add(new FieldError("file.header." + column, "is not a lead field and the mapping does not map it: " + unknownTarget(column))));
    }
    columns.keySet().stream().filter(column -> !present.contains(column))
        .forEach(column -> errors.add(new FieldError("mapping.columns." + column, "is not a column of the file")));
    templates.forEach((target, template) -> placeholders(template).stream().filter(column -> !present.contains(column))
        .forEach(column -> errors.add(new FieldError("mapping.templates." + name(target), "names " + column + ", which is not a column of the file"))));
    if (outcome != null) {
      for (var column : new String[][] {{"column", outcome.column()}, {"reasonColumn", outcome.reasonColumn()}, {"dateColumn", outcome.dateColumn()}}) {
        if (column[1] != null && !present.contains(column[1])) {
          errors.add(new FieldError("mapping.outcome." + column[0], column[1] + " is not a column of the file"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The lead a row asks for, as a JSON body; problems found on the way (a value that is no number) are added to {@code reasons}. */
  ObjectNode body(Map<String, String> row, List<String> reasons) {
    ObjectNode body = NODES.objectNode();
    Set<String> mapped = new LinkedHashSet<>();
    columns.forEach((column, target) -> {
      mapped.add(column);
      put(body, target, value(row.get(column)), reasons);
    });
    if (identity) {
      row.forEach((column, value) -> {
        Target target = target(column);
        if (isOutcomeColumn(column)) {
          return;
        }
        if (target == null) {
          reasons.add(column + ": is not a lead field");
        } else {
          mapped.add(column);
          put(body, target, value(value), reasons);
        }
      });
    }
    templates.forEach((target, template) -> put(body, target, fill(template, row), reasons));
    defaults.forEach((target, value) -> {
      if (!has(body, target)) {
        put(body, target, value, reasons);
      }
    });
    if (unmappedAsAttributes) {
      row.forEach((column, value) -> {
        if (!mapped.contains(column) && !isOutcomeColumn(column)) {
          put(body, new Target(null, column, "string"), value(value), reasons);
        }
      });
    }
    return body;
  }

  /** The row's historical outcome, or null for none; what is wrong with it is added to {@code reasons}. */
  HistoricalOutcome outcome(Map<String, String> row, LocalDate today, List<String> reasons) {
    if (outcome == null) {
      return null;
    }
    String value = value(row.get(outcome.column()));
    if (value == null) {
      return null;
    }
    HistoricalOutcome.Kind kind = outcomeValues.get(value);
    if (kind == null) {
      reasons.add("outcome: " + value + " is not one of the mapped values " + String.join(", ", outcomeValues.keySet()));
      return null;
    }
    LocalDate on = today;
    String date = outcome.dateColumn() == null ? null : value(row.get(outcome.dateColumn()));
    if (date != null) {
      on = day(date);
      if (on == null) {
        reasons.add("outcome date: " + date + " is not an ISO 8601 date such as 2024-03-01");
        return null;
      }
      if (on.isAfter(today)) {
        reasons.add("outcome date: " + date + " is in the future");
        return null;
      }
    }
    String text = outcome.reasonColumn() == null ? null : value(row.get(outcome.reasonColumn()));
    StatusReason reason = null;
    String note = text;
    if (kind == HistoricalOutcome.Kind.DISQUALIFIED && text != null) {
      try {
        reason = StatusReason.fromLabel(text);
        note = null;
      } catch (UnknownLabelException e) {
        reason = StatusReason.LOST;
      }
    }
    try {
      return new HistoricalOutcome(kind, reason, note, on);
    } catch (IllegalArgumentException e) {
      reasons.add("outcome reason: " + e.getMessage());
      return null;
    }
  }

  private boolean isOutcomeColumn(String column) {
    return outcome != null && (column.equals(outcome.column()) || column.equals(outcome.reasonColumn()) || column.equals(outcome.dateColumn()));
  }

  private static LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notADay) {
      try {
        return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
      } catch (DateTimeParseException notATime) {
        try {
          return Instant.parse(text).atZone(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException notAnInstant) {
          return null;
        }
      }
    }
  }

  private String value(String text) {
    if (text == null) {
      return null;
    }
    String stripped = text.strip();
    return stripped.isEmpty() || missing.contains(stripped) ? null : stripped;
  }

  private String fill(String template, Map<String, String> row) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String value = value(row.get(placeholder.group(1)));
      if (value == null) {
        return null;
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  private static List<String> placeholders(String template) {
    List<String> names = new ArrayList<>();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      names.add(placeholder.group(1));
    }
    return names;
  }

  private static boolean has(ObjectNode body, Target target) {
    if (target.attribute() != null) {
      return body.path("attributes").has(target.attribute());
    }
    JsonNode node = body;
    for (String part : target.field().split("\\.")) {
      node = node.path(part);
    }
    return !node.isMissingNode();
  }

  private static void put(ObjectNode body, Target target, String value, List<String> reasons) {
    if (value == null) {
      return;
    }
    if (target.attribute() != null) {
      ObjectNode attributes = body.has("attributes") ? (ObjectNode) body.get("attributes") : body.putObject("attributes");
      switch (target.type()) {
        case "number" -> {
          try {
            attributes.put(target.attribute(), new BigDecimal(value));
          } catch (NumberFormatException e) {
            reasons.add("attributes." + target.attribute() + ": must be a number");
          }
        }
        case "boolean" -> {
          Boolean flag = bool(value);
          if (flag == null) {
            reasons.add("attributes." + target.attribute() + ": must be true or false (yes, no, 1, 0)");
          } else {
            attributes.put(target.attribute(), flag);
          }
        }
        default -> attributes.put(target.attribute(), value);
      }
      return;
    }
    switch (target.field()) {
      case "numberOfEmployees" -> {
        // A whole number goes in as a number; anything else as text, which the API's binding refuses.
        try {
          body.put("numberOfEmployees", new BigDecimal(value).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
          body.put("numberOfEmployees", value);
        }
      }
      case "annualRevenue.amount", "annualRevenue.currency" -> {
        ObjectNode money = body.has("annualRevenue") ? (ObjectNode) body.get("annualRevenue") : body.putObject("annualRevenue");
        money.put(target.field().substring("annualRevenue.".length()), value);
      }
      default -> body.put(target.field(), value);
    }
  }

  private static Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "y" -> Boolean.TRUE;
      case "false", "no", "0", "n" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Target target(String target) {
    if (target == null) {
      return null;
    }
    if (FIELDS.contains(target)) {
      return new Target(target, null, null);
    }
    if (target.startsWith(ATTRIBUTES) && target.length() > ATTRIBUTES.length()) {
      String key = target.substring(ATTRIBUTES.length());
      String type = "string";
      int colon = key.lastIndexOf(':');
      if (colon > 0) {
        type = key.substring(colon + 1);
        key = key.substring(0, colon);
        if (!List.of("string", "number", "boolean").contains(type)) {
          return null;
        }
      }
      return new Target(null, key, type);
    }
    return null;
  }

  private static String name(Target target) {
    return target.attribute() != null ? ATTRIBUTES + target.attribute() : target.field();
  }

  private static String unknownTarget(String target) {
    return "maps to " + target + ", which is not a lead field; use one of " + String.join(", ", FIELDS)
        + ", or attributes.<key> (with :number or :boolean for a typed value)";
  }
}
