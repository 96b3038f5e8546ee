package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.PolicyBodies.ReadinessResponse;
import org.leadflow.lead.application.QualificationPolicies;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** How ready a lead is to be qualified, by the organisation's policy. */
@Path("/api/v1/leads/{id}/readiness")
@Tag(name = "Qualification policy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadReadinessResource {

  @Inject QualificationPolicies policies;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "getLeadReadiness",
      summary = "A lead measured against the qualification policy",
      description =
          "Every criterion as met, unmet or unknown, with the value seen and a plain-language explanation;"
              + " the weighted readiness 0–100; the fit with the ideal customer profile; the required criteria"
              + " not met yet; and what to find out next.")
  @APIResponse(responseCode = "200", description = "The lead's readiness", content = @Content(schema = @Schema(implementation = ReadinessResponse.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ReadinessResponse> readiness(@PathParam("id") UUID id) {
    return policies.readiness(id, callers.get()).map(readiness -> PolicyMapper.toResponse(id, readiness));
  }
}
