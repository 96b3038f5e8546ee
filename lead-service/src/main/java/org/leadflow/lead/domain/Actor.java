package org.leadflow.lead.domain;

import java.util.Objects;

/**
 * Who made a change, and through what: a person's or service account's id (their token's subject),
 * their display name when known, and the channel.
 */
public record Actor(String id, String name, Channel via) {

  /** Through what a change was made (docs/architecture.md, section The lead). */
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

  public Actor(String id, Channel via) {
    this(id, null, via);
  }

  /** A part of LeadFlow acting on its own, e.g. on an event from another service. */
  public static Actor system(String component) {
    return new Actor(component, Channel.SYSTEM);
  }
}
