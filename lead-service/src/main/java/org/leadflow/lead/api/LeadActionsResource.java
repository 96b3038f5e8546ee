package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.Answer;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.DisqualifyLead;
import org.leadflow.lead.application.MarkLeadContacted;
import org.leadflow.lead.application.ReactivateLead;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadLifecycle;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** The lead's lifecycle actions (docs/architecture.md, section The lead); each answers the lead as it is after. */
@Path("/api/v1/leads/{id}")
@Tag(name = "Lead lifecycle", description = "Mark contacted, disqualify, reactivate")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", description = "The lead after the action; ETag carries its new version", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
@APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The lead's state does not allow the action; the problem names both", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadActionsResource {

  @Inject Commands commands;
  @Inject MarkLeadContacted markContacted;
  @Inject DisqualifyLead disqualify;
  @Inject ReactivateLead reactivate;
  @Inject LeadResponseMapper mapper;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;

  @POST
  @Path("/mark-contacted")
  @Operation(operationId = "markLeadContacted", summary = "Mark a New lead as Contacted", description = "Open/New → Open/Contacted. Publishes leadflow.lead.updated.v1.")
  public Uni<Response> markContacted(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the action is based on", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return commands
        .run(
            markContacted,
            () -> new MarkLeadContacted.Command(id, Preconditions.expectedVersion(ifMatch), callers.get()),
            idempotent.key("mark-contacted:" + id, idempotencyKey, id),
            this::ok)
        .map(IdempotentRequests::response);
  }

  @POST
  @Path("/disqualify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "disqualifyLead",
      summary = "Disqualify an Open lead",
      description =
          "Open → Disqualified with the reason as status reason. Publishes leadflow.lead.disqualified.v1. With a"
              + " nurtureUntil date, LeadFlow reactivates the lead on that date (leadflow.lead.reactivated.v1 with cause"
              + " nurture-ended). Cannot Contact before the qualification policy's minimum of outreach attempts"
              + " (cannotContact.minimumAttemptsBeforeDisqualifying) is refused with 422, unless a sales manager overrides"
              + " with policyOverride.justification (kept in the history and the event).")
  @APIResponse(responseCode = "400", description = "Missing or unknown reason", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "An override by someone who is not a sales manager", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Cannot Contact before the qualification policy's minimum of outreach attempts; errors names the rule (field: cannot-contact-minimum-attempts)",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> disqualify(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the action is based on", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      schema = @Schema(implementation = ActionRequests.Disqualify.class),
                      examples = {
                          @ExampleObject(
                              name = "lost to a competitor",
                              value = "{\"reason\":\"Lost\",\"note\":\"Chose a competitor\",\"nurtureUntil\":\"2027-06-30\"}"),
                          @ExampleObject(
                              name = "cannot contact, overridden by a sales manager",
                              value = "{\"reason\":\"Cannot Contact\",\"note\":\"Number disconnected\",\"policyOverride\":{\"justification\":\"The company has closed its office\"}}")}))
          @Valid
          @NotNull
          ActionRequests.Disqualify request) {
    // The reason is read before the key is claimed: a request that names none is refused whatever its key.
    List<FieldError> errors = new ArrayList<>();
    StatusReason reason = LeadMapper.label(errors, "reason", request.reason(), StatusReason::fromLabel);
    if (reason != null && !LeadLifecycle.DISQUALIFICATION_REASONS.contains(reason)) {
      errors.add(new FieldError("reason", "must be one of Lost, Cannot Contact, No Longer Interested, Canceled"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return commands
        .run(
            disqualify,
            () ->
                new DisqualifyLead.Command(
                    id,
                    Preconditions.expectedVersion(ifMatch),
                    reason,
                    request.note(),
                    request.nurtureUntil(),
                    request.policyOverride() == null ? null : request.policyOverride().justification(),
                    callers.get()),
            idempotent.key("disqualify:" + id, idempotencyKey, request),
            this::ok)
        .map(IdempotentRequests::response);
  }

  /** The body is optional: a bare POST, whatever its Content-Type, reactivates without a note. */
  @POST
  @Path("/reactivate")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Uni<Response> reactivateWithoutBody(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return reactivate(id, ifMatch, idempotencyKey, null);
  }

  @POST
  @Path("/reactivate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reactivateLead",
      summary = "Reactivate a disqualified lead",
      description = "Disqualified → Open/New; the history is kept. Publishes leadflow.lead.reactivated.v1.")
  public Uni<Response> reactivate(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the action is based on", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @RequestBody(
              required = false,
              content =
                  @Content(
                      schema = @Schema(implementation = ActionRequests.Reactivate.class),
                      examples = @ExampleObject(name = "budget approved", value = "{\"note\":\"Budget approved after all.\"}")))
          @Valid
          ActionRequests.Reactivate request) {
    String note = request == null ? null : request.note();
    return commands
        .run(
            reactivate,
            () -> new ReactivateLead.Command(id, Preconditions.expectedVersion(ifMatch), note, callers.get()),
            idempotent.key("reactivate:" + id, idempotencyKey, request == null ? "" : request),
            this::ok)
        .map(IdempotentRequests::response);
  }

  private Answer ok(Lead lead) {
    return IdempotentRequests.ok(mapper.toResponse(lead), lead.version());
  }
}
