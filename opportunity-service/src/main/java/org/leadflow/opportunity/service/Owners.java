package org.leadflow.opportunity.service;

import org.leadflow.opportunity.domain.InvalidFieldException;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * Who owns the accounts and contacts users create: the creator, unless a sales manager names another
 * owner. Only a sales manager reassigns a record.
 */
final class Owners {

  private Owners() {}

  /** The owner of a record {@code caller} creates, naming {@code requested} or no one. */
  static String ofNew(String requested, Caller caller) {
    return requested == null ? caller.id() : checked(caller.id(), requested, caller);
  }

  /** The owner after an edit that names {@code requested} (unchanged when it names the current owner). */
  static String afterEdit(String current, String requested, Caller caller) {
    if (requested == null) {
      throw new InvalidFieldException("ownerId", "must not be removed: a record always has an owner");
    }
    return checked(current, requested, caller);
  }

  /** {@code requested}, if it is an owner id and either {@code unchanged} or the caller assigns owners. */
  private static String checked(String unchanged, String requested, Caller caller) {
    if (requested.isBlank() || requested.length() > Caller.MAX_ID_LENGTH) {
      throw new InvalidFieldException("ownerId", "must have 1 to " + Caller.MAX_ID_LENGTH + " characters");
    }
    if (!requested.equals(unchanged) && !caller.seesEveryOwner()) {
      throw new ActionForbiddenException("Only a sales manager assigns accounts and contacts to another owner");
    }
    return requested;
  }
}
