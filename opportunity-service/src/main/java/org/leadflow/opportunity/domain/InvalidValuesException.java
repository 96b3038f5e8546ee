package org.leadflow.opportunity.domain;

import java.util.List;

/** Values a seller gave that the opportunity cannot take (400), each named as the API names it. */
public class InvalidValuesException extends RuntimeException {

  /** One refused value: the field as the API names it, and what is wrong with it. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidValuesException(List<Violation> violations) {
    super(violations.size() + " invalid value(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  public static InvalidValuesException of(String field, String message) {
    return new InvalidValuesException(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
