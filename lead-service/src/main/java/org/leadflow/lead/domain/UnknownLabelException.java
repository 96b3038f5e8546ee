package org.leadflow.lead.domain;

import java.util.List;

/** A text that is none of an enumeration's labels. */
public class UnknownLabelException extends IllegalArgumentException {

  private final List<String> allowed;

  public UnknownLabelException(String label, List<String> allowed) {
    super("'" + label + "' is not one of " + String.join(", ", allowed));
    this.allowed = allowed;
  }

  public List<String> allowed() {
    return allowed;
  }
}
