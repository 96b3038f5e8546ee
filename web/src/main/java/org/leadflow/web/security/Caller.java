package org.leadflow.web.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling an API, as their bearer token says: the token's subject (the id records are
 * owned by and history names), a display name when the token has one, and the roles it grants.
 */
public record Caller(String id, String name, Set<String> roles) {

  /** The longest id LeadFlow keeps as an owner or actor (identity providers' subjects are far shorter). */
  public static final int MAX_ID_LENGTH = 100;

  public Caller {
    Objects.requireNonNull(id);
    roles = Set.copyOf(roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  /** A sales manager sees every owner's records; anyone else only their own. */
  public boolean seesEveryOwner() {
    return has(Roles.SALES_MANAGER);
  }

  /** Whether this caller may read and change a record owned by {@code ownerId}. */
  public boolean mayAccess(String ownerId) {
    return seesEveryOwner() || id.equals(ownerId);
  }

  /** Sales managers assign records to others; so do integrations that import them for sellers. */
  public boolean mayAssignOwners() {
    return has(Roles.SALES_MANAGER) || has(Roles.INTEGRATION);
  }

  /** A service account that is no person: what it does is recorded as an import. */
  public boolean isServiceAccount() {
    return has(Roles.INTEGRATION) && !has(Roles.SELLER) && !has(Roles.SALES_MANAGER);
  }
}
