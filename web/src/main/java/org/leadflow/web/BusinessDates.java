package org.leadflow.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The dates and times LeadFlow accepts in a request: years 1900 to 9999. Java reads years up to
 * ±999,999,999, PostgreSQL stores fewer, and the driver silently changes what lies beyond (a year
 * +999999999 arrives as +4475534); no business date is outside this range anyway.
 */
public final class BusinessDates {

  public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LAST = LocalDate.of(9999, 12, 31);
  public static final Instant FIRST_INSTANT = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
  public static final Instant LAST_INSTANT = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);

  public static final String DATE_REFUSAL = "must be a date from " + FIRST + " to " + LAST;
  public static final String TIME_REFUSAL = "must be a time from " + FIRST + "T00:00:00Z to " + LAST + "T23:59:59Z";

  private BusinessDates() {}

  public static boolean accepts(LocalDate date) {
    return !date.isBefore(FIRST) && !date.isAfter(LAST);
  }

  public static boolean accepts(Instant instant) {
    return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
  }

  /**
   * A query parameter's ISO-8601 date, or null when it is absent or invalid; an invalid one is added
   * to {@code errors} under the parameter's name.
   */
  public static LocalDate date(String parameter, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text.strip());
      if (accepts(date)) {
        return date;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(parameter, "must be an ISO-8601 date such as 2026-09-30, from " + FIRST + " to " + LAST));
    return null;
  }

  /**
   * A query parameter's ISO-8601 UTC time, or null when it is absent or invalid; an invalid one is
   * added to {@code errors} under the parameter's name.
   */
  public static Instant instant(String parameter, String text, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      Instant instant = Instant.parse(text.strip());
      if (accepts(instant)) {
        return instant;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            parameter, "must be an ISO-8601 UTC time such as 2026-01-31T00:00:00Z, from " + FIRST + " to " + LAST));
    return null;
  }
}
