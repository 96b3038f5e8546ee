package org.leadflow.web;

import java.util.List;

/** A request that bean validation let through but that breaks a rule of its own (400). */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super("Invalid request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
