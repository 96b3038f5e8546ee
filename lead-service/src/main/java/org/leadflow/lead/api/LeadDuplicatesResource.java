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
import org.leadflow.lead.api.DuplicateBodies.CandidatesResponse;
import org.leadflow.lead.application.DuplicateLeads;
import org.leadflow.lead.service.LeadQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** The leads that may be the same person as a lead, by the duplicate rules that are on. */
@Path("/api/v1/leads/{id}/duplicates")
@Tag(name = "Duplicate leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadDuplicatesResource {

  @Inject LeadQueries leads;
  @Inject DuplicateLeads duplicates;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "listLeadDuplicates",
      summary = "Leads that may be the same person",
      description =
          "Open and Disqualified leads the caller may see (a seller: their own) that a rule set to block or warn"
              + " finds, at most 20, newest first, each with the rules that found it.")
  @APIResponse(responseCode = "200", description = "The candidates", content = @Content(schema = @Schema(implementation = CandidatesResponse.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<CandidatesResponse> duplicates(@PathParam("id") UUID id) {
    var caller = callers.get();
    return leads.get(id, caller).chain(lead -> duplicates.candidates(lead.id(), lead.details(), caller)).map(DuplicateBodies::toResponse);
  }
}
