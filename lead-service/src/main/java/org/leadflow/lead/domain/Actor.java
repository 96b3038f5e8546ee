package org.leadflow.lead.domain;

import java.util.Objects;

/** Who made a change, and through what. */
public record Actor(String id, Channel via) {

  /** Through what a change was made (DESIGN.md section 4). */
  public enum Channel {
    USER("user"),
    IMPORT("import"),
    AGENT("agent"),
    SYSTEM("system");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Actor {
    Objects.requireNonNull(id);
    Objects.requireNonNull(via);
  }

  public static Actor system(String component) {
    return new Actor(component, Channel.SYSTEM);
  }
}
