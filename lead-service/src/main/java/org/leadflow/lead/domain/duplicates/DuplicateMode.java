package org.leadflow.lead.domain.duplicates;

import java.util.Arrays;
import java.util.Optional;

/** What a duplicate rule does when a lead being created or edited matches others. */
public enum DuplicateMode {
  /** Refused with 409, listing the candidates the caller may see. */
  BLOCK("block"),
  /** Saved; the candidates are counted in the answer's header and listed at the lead's duplicates. */
  WARN("warn"),
  /** Not checked. */
  OFF("off");

  private final String key;

  DuplicateMode(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<DuplicateMode> fromKey(String key) {
    return Arrays.stream(values()).filter(mode -> mode.key.equals(key)).findFirst();
  }
}
