package org.leadflow.systemtests.hostile;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a member's schema says about a value: the reason the value breaks it, or null. A value that
 * breaks the published contract must be refused, whatever else the service does with it.
 */
final class Contract {

  /** Business dates: issue 12 asks for years 1900–9999, refused outside with 400. */
  static final int FIRST_YEAR = 1900;

  static final int LAST_YEAR = 9999;

  private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern DATE_LIKE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}");

  private final Schemas schemas;

  Contract(Schemas schemas) {
    this.schemas = schemas;
  }

  /** Why {@code text} (as a string value of the member) breaks the schema, or null. */
  String textBreaks(Schema<?> schema, String text) {
    Integer maxLength = constraint(schema, Schema::getMaxLength);
    if (maxLength != null && text.codePointCount(0, text.length()) > maxLength) {
      return "longer than its maxLength " + maxLength;
    }
    Integer minLength = constraint(schema, Schema::getMinLength);
    if (minLength != null && text.length() < minLength) {
      return "shorter than its minLength " + minLength;
    }
    List<?> allowed = constraint(schema, Schema::getEnum);
    if (allowed != null && !allowed.isEmpty() && !allowed.contains(text)) {
      return "not one of its enum values";
    }
    String pattern = constraint(schema, Schema::getPattern);
    if (pattern != null && !matches(pattern, text)) {
      return "does not match its pattern " + pattern;
    }
    String format = schemas.format(schema);
    if ("uuid".equals(format) && !UUID.matcher(text).matches()) {
      return "not a UUID";
    }
    if (isDate(schema)) {
      return dateBreaks(text, true);
    }
    return null;
  }

  /** Why {@code number} breaks a numeric member's schema, or null. */
  String numberBreaks(Schema<?> schema, BigDecimal number, boolean integerLiteral) {
    String type = schemas.type(schema);
    if (type.equals("integer") && !integerLiteral) {
      return "not an integer";
    }
    BigDecimal minimum = constraint(schema, Schema::getMinimum);
    if (minimum != null && number.compareTo(minimum) < 0) {
      return "below its minimum " + minimum.toPlainString();
    }
    BigDecimal maximum = constraint(schema, Schema::getMaximum);
    if (maximum != null && number.compareTo(maximum) > 0) {
      return "above its maximum " + maximum.toPlainString();
    }
    String format = schemas.format(schema);
    if ("int32".equals(format) && (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
      return "beyond its format int32";
    }
    if ("int64".equals(format) && (number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)) {
      return "beyond its format int64";
    }
    return null;
  }

  boolean isDate(Schema<?> schema) {
    String format = schemas.format(schema);
    if ("date".equals(format) || "date-time".equals(format)) {
      return true;
    }
    var example = schemas.example(schema);
    return example != null && example.isTextual() && DATE_LIKE.matcher(example.asText()).find();
  }

  /**
   * Why a date breaks the contract: a business date (a close date, a nurture date) must lie in the
   * years 1900–9999 (issue 12). A point in time that only filters a list (createdFrom) may lie
   * anywhere PostgreSQL's timestamp reaches (4713 BC to 294276 AD): a filter from year 0 is
   * harmless, but one the database cannot hold can only be answered by changing it silently (today
   * createdFrom=+999999999-12-31T00:00:00Z lists leads created in 2026).
   */
  static String dateBreaks(String text, boolean businessDate) {
    int year;
    try {
      year = text.contains("T") ? OffsetDateTime.parse(text).getYear() : LocalDate.parse(text).getYear();
    } catch (DateTimeParseException e) {
      return "not an ISO-8601 date";
    }
    if (businessDate && (year < FIRST_YEAR || year > LAST_YEAR)) {
      return "a business date outside the years " + FIRST_YEAR + "–" + LAST_YEAR;
    }
    if (year < -4712 || year > 294_276) {
      return "a time beyond what PostgreSQL's timestamp holds";
    }
    return null;
  }

  private static boolean matches(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private <T> T constraint(Schema<?> schema, Function<Schema, T> read) {
    T own = read.apply(schema);
    return own != null ? own : read.apply(schemas.resolveOr(schema));
  }
}
