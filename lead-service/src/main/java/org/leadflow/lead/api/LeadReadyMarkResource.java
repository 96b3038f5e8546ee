package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.ClearReadyMark;
import org.leadflow.lead.application.Commands;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** A person undoes the qualification agent's ready-to-qualify mark on a lead (its disqualification is undone by reactivating). */
@Path("/api/v1/leads/{id}/ready-to-qualify")
@Tag(name = "Qualification agent")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadReadyMarkResource {

  @Inject Commands commands;
  @Inject ClearReadyMark clear;
  @Inject CurrentCaller callers;

  @DELETE
  @Operation(
      operationId = "clearReadyToQualifyMark",
      summary = "Clear the agent's ready-to-qualify mark",
      description =
          "The lead's owner or a sales manager. The history records ready-to-qualify-cleared (with the note), the"
              + " worklist no longer puts the lead forward as ready, and the agent leaves the lead alone from now on.")
  @APIResponse(responseCode = "204", description = "Cleared")
  @APIResponse(responseCode = "400", description = "A note over 1,000 characters", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such lead, or another seller's", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The lead has no ready-to-qualify mark",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "no mark", value = "{\"type\": \"https://leadflow.org/problems/no-ready-mark\", \"title\": \"No ready-to-qualify mark\", \"status\": 409, \"detail\": \"Lead 0193a6c2-0000-7000-8000-000000000002 has no ready-to-qualify mark of the qualification agent\", \"instance\": \"/api/v1/leads/0193a6c2-0000-7000-8000-000000000002/ready-to-qualify\"}")))
  public Uni<Response> clear(
      @PathParam("id") UUID id,
      @QueryParam("note") @Parameter(description = "Why, for the history (at most 1,000 characters)", example = "Budget not confirmed after all") String note) {
    if (note != null && note.length() > 1000) {
      throw new InvalidRequestException(List.of(new FieldError("note", "must be at most 1000 characters")));
    }
    return commands.run(clear, new ClearReadyMark.Command(id, note == null || note.isBlank() ? null : note.strip(), callers.get()))
        .replaceWith(Response.noContent().build());
  }
}
