package org.leadflow.opportunity.domain;

import java.util.List;

/** A label (e.g. a state written in a filter) that names none of the allowed values. */
public class UnknownLabelException extends RuntimeException {

  private final List<String> allowed;

  public UnknownLabelException(List<String> allowed) {
    super("must be one of " + String.join(", ", allowed));
    this.allowed = List.copyOf(allowed);
  }

  public List<String> allowed() {
    return allowed;
  }
}
