package org.leadflow.lead.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.leadflow.web.security.Roles;

/** Test sources only: an endpoint that fails as a bug deep down would, to see what callers are told. */
@Path(FailingTestEndpoint.PATH)
@RolesAllowed(Roles.SALES_MANAGER)
public class FailingTestEndpoint {

  static final String PATH = "/api/v1/test-only/failure";
  static final String INTERNALS =
      "ERROR: column \"owner_id\" does not exist; SQL: select l.id, l.owner_id from lead l where l.email = 'ada@example.org'";

  @GET
  @Operation(hidden = true)
  public String fail() {
    throw new IllegalStateException(INTERNALS, new java.sql.SQLException(INTERNALS));
  }
}
