package org.leadflow.lead.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test sources only: an endpoint whose author forgot to say who may call it. */
@Path(ForgottenRolesTestEndpoint.PATH)
public class ForgottenRolesTestEndpoint {

  static final String PATH = "/api/v1/test-only/forgotten-roles";

  @GET
  @Operation(hidden = true)
  public String open() {
    return "nobody should read this";
  }
}
