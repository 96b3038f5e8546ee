package org.leadflow.lead.api;

import java.time.Instant;
import java.util.List;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.FieldError;

/**
 * Paging parameters read from their text, so that {@code size=all} is a 400 naming {@code size}
 * rather than the 404 JAX-RS answers when it cannot convert a query parameter.
 */
record PageRequest(int page, int size) {

  static final int MAX_SIZE = 200;
  static final int DEFAULT_SIZE = 50;
  /** The database reads a page by row offsets, which are ints: the page's last row must be one. */
  private static final long LAST_ROW = Integer.MAX_VALUE;

  static PageRequest parse(String page, String size, List<FieldError> errors) {
    Integer pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
    Integer pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
    if (pageNumber != null && pageSize != null && (pageNumber + 1L) * pageSize > LAST_ROW) {
      errors.add(
          new FieldError("page", "must be at most " + (LAST_ROW / pageSize - 1) + " with size " + pageSize + ": no list is that long"));
      pageNumber = null;
    }
    return new PageRequest(pageNumber == null ? 0 : pageNumber, pageSize == null ? DEFAULT_SIZE : pageSize);
  }

  /** Reads one page's parameters or throws the 400 naming them. */
  static PageRequest parse(String page, String size) {
    List<FieldError> errors = new java.util.ArrayList<>();
    PageRequest request = parse(page, size, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return request;
  }

  static Integer integer(String name, String text, int fallback, int min, int max, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min || value > max) {
        errors.add(new FieldError(name, "must be between " + min + " and " + max));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(name, "must be a whole number between " + min + " and " + max));
      return null;
    }
  }

  static Instant instant(String name, String text, List<FieldError> errors) {
    return BusinessDates.instant(name, text, errors);
  }
}
