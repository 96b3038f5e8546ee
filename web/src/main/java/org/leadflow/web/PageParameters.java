package org.leadflow.web;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code page} and {@code size} of a list, read from their query text, so that {@code size=all} is
 * a 400 naming {@code size} rather than the 404 JAX-RS answers when it cannot convert a query
 * parameter. A blank value reads as absent.
 */
public record PageParameters(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;
  /** The database reads a page by row offsets, which are ints: the page's last row must be one. */
  private static final long LAST_ROW = Integer.MAX_VALUE;

  /**
   * The page asked for; each invalid value is added to {@code errors} (and read as its default),
   * and so is a page past the last row any list can have.
   */
  public static PageParameters read(String page, String size, List<FieldError> errors) {
    Integer pageNumber = wholeNumber("page", page, 0, 0, Integer.MAX_VALUE, errors);
    Integer pageSize = wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
    if (pageNumber != null && pageSize != null && (pageNumber + 1L) * pageSize > LAST_ROW) {
      errors.add(
          new FieldError("page", "must be at most " + (LAST_ROW / pageSize - 1) + " with size " + pageSize + ": no list is that long"));
      pageNumber = null;
    }
    return new PageParameters(pageNumber == null ? 0 : pageNumber, pageSize == null ? DEFAULT_SIZE : pageSize);
  }

  /** The page asked for, or the 400 naming every invalid parameter. */
  public static PageParameters read(String page, String size) {
    List<FieldError> errors = new ArrayList<>();
    PageParameters request = read(page, size, errors);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return request;
  }

  /**
   * A whole number from {@code min} to {@code max}, {@code fallback} when blank; otherwise the
   * refusal is added to {@code errors} and the answer is null.
   */
  public static Integer wholeNumber(String name, String text, int fallback, int min, int max, List<FieldError> errors) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return null;
  }
}
