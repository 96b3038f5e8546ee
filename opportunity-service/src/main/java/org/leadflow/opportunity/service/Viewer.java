package org.leadflow.opportunity.service;

import java.util.Objects;
import org.leadflow.web.security.Caller;

/**
 * Whose eyes a read looks through ({@link Visibility}): every owner's records (a sales manager), or
 * the records one owner sees by the seller's rule. Conversions and {@code POST /matches} for a named
 * owner always take the seller's rule for that owner: an event carries no roles, and a lead's
 * conversion may reuse only what its owner may see.
 */
public record Viewer(String ownerId, boolean everyOwner) {

  public Viewer {
    if (!everyOwner) {
      Objects.requireNonNull(ownerId, "ownerId");
    }
  }

  /** The caller's own view: a sales manager sees every owner's records, anyone else their own. */
  public static Viewer of(Caller caller) {
    return caller.seesEveryOwner() ? new Viewer(null, true) : owner(caller.id());
  }

  /** What {@code ownerId} sees by the seller's rule, whatever their roles. */
  public static Viewer owner(String ownerId) {
    return new Viewer(ownerId, false);
  }

  static Viewer everyone() {
    return new Viewer(null, true);
  }

  /** Whether a record owned by {@code recordOwnerId} is visible without looking at links. */
  boolean owns(String recordOwnerId) {
    return everyOwner || ownerId.equals(recordOwnerId);
  }
}
