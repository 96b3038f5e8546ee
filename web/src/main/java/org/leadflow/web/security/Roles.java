package org.leadflow.web.security;

/**
 * The roles a bearer token can grant (its {@code groups} claim, docs/architecture.md, section Security and visibility). A token may
 * carry several; each grants what it says and nothing more.
 */
public final class Roles {

  /** Sees and changes the records they own, and nothing of anyone else's. */
  public static final String SELLER = "seller";

  /** Sees and changes every record of the organisation; assigns and reassigns owners. */
  public static final String SALES_MANAGER = "sales-manager";

  /** Configures the organisation (criteria, scoring, ...); reads no records through that role. */
  public static final String ADMIN = "admin";

  /** A service account: creates and imports records (naming their owner), finds duplicates. */
  public static final String INTEGRATION = "integration";

  private Roles() {}
}
