package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.api.AgentBodies.PolicyInput;
import org.leadflow.lead.api.AgentBodies.PolicyResponse;
import org.leadflow.lead.api.AgentBodies.PolicyVersions;
import org.leadflow.lead.application.AgentPolicies;
import org.leadflow.lead.domain.agent.PublishedAgentPolicy;
import org.leadflow.web.IfMatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The qualification agent's policy: everyone who works leads reads it (a seller sees why the agent
 * acted), admins change it, and every change is a new version kept for audit.
 */
@Path("/api/v1/agent-policy")
@Tag(name = "Qualification agent", description = "Rules that disqualify, mark ready or qualify leads on their own, their runs, and their undoing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN})
public class AgentPolicyResource {

  @Inject AgentPolicies policies;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "getAgentPolicy",
      summary = "The qualification agent's policy in force",
      description = "Version 0 (mode off, no rules) until an admin saves one. ETag carries the version; a change sends it back in If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The policy in force",
      content = @Content(schema = @Schema(implementation = PolicyResponse.class), examples = @ExampleObject(name = "initial", value = "{\"version\": 0, \"mode\": \"off\", \"recentChangeHours\": 24, \"qualifyOptIn\": false, \"rules\": [], \"changedBy\": \"system\", \"changedByName\": \"LeadFlow\", \"changedAt\": \"2026-11-29T10:00:00Z\", \"note\": \"Off until an admin sets it\"}")))
  public Uni<Response> current() {
    return policies.current().map(AgentPolicyResource::ok);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "replaceAgentPolicy",
      summary = "Save a new version of the qualification agent's policy",
      description =
          "Admins only. The whole policy is replaced and saved as the next version. Rules are tried in order;"
              + " the first whose conditions a lead meets decides. A rule that cannot work is refused with 400 naming"
              + " its member: no condition, a disqualify without a disqualified status reason, a qualify without"
              + " qualifyOptIn or without scoreAtLeast, values out of range, two rules of one name.")
  @RequestBody(content = @Content(schema = @Schema(implementation = PolicyInput.class), examples = @ExampleObject(name = "policy", value = AgentBodies.POLICY_EXAMPLE)))
  @APIResponse(responseCode = "200", description = "Saved; ETag carries the new version", content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
  @APIResponse(responseCode = "400", description = "A rule that cannot work: one entry per offending member", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "qualify without opt-in", value = "{\"type\": \"https://leadflow.org/problems/validation\", \"title\": \"Invalid request\", \"status\": 400, \"detail\": \"1 field is invalid\", \"instance\": \"/api/v1/agent-policy\", \"errors\": [{\"field\": \"rules[0].action\", \"message\": \"qualify needs qualifyOptIn: true, the agent qualifies only when asked to\"}]}")))
  @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "Another admin saved a change at the same time", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names another version than the one in force", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> replace(
      @Parameter(in = ParameterIn.HEADER, description = "ETag of the version the change is based on; 412 when another is in force", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull PolicyInput input) {
    var command = new AgentPolicies.Save(IfMatch.optional(ifMatch), AgentBodies.toPolicy(input), input.note(), callers.get());
    return policies.save(command).map(AgentPolicyResource::ok);
  }

  @GET
  @Path("/versions")
  @Operation(operationId = "listAgentPolicyVersions", summary = "Every saved version of the agent's policy, newest first", description = "Its audit trail: who saved which version, when and why.")
  @APIResponse(responseCode = "200", description = "The versions", content = @Content(schema = @Schema(implementation = PolicyVersions.class)))
  public Uni<PolicyVersions> versions() {
    return policies.all().map(found -> new PolicyVersions(found.stream().map(AgentBodies::toResponse).toList()));
  }

  private static Response ok(PublishedAgentPolicy policy) {
    return Response.ok(AgentBodies.toResponse(policy)).tag(new EntityTag(Integer.toString(policy.version()))).build();
  }
}
