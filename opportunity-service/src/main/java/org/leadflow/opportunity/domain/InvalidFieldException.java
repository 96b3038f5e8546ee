package org.leadflow.opportunity.domain;

/** A value a record may not hold, named as the API names the field (400). */
public class InvalidFieldException extends RuntimeException {

  private final String field;
  private final String reason;

  public InvalidFieldException(String field, String reason) {
    super(field + " " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  /** What is wrong, to follow the field's name: "must not be blank". */
  public String reason() {
    return reason;
  }

  /** {@code value} stripped, or null when blank; refused when longer than {@code max}. */
  static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidFieldException(field, "must have at most " + max + " characters");
    }
    return stripped;
  }

  /** Like {@link #text}, and refused when missing. */
  static String required(String field, String value, int max) {
    String text = text(field, value, max);
    if (text == null) {
      throw new InvalidFieldException(field, "must not be blank");
    }
    return text;
  }
}
