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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.leadflow.lead.application.MergeLeads;
import org.leadflow.lead.domain.LeadMerge;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** Merging a duplicate lead into a master (docs/architecture.md, section Duplicate leads). */
@Path("/api/v1/leads/{id}/merge")
@Tag(name = "Duplicate leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadMergeResource {

  @Inject Commands commands;
  @Inject MergeLeads merge;
  @Inject LeadResponseMapper mapper;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "mergeLeads",
      summary = "Merge a duplicate lead into this one (the master)",
      description =
          "A sales manager, or a seller who owns both leads, merges duplicateId into the lead of the path. The master takes"
              + " each field from the lead fields names (default: its own value, or the duplicate's where it has none); the"
              + " duplicate's activities move to the master's timeline and its history is copied into the master's (each"
              + " copy's details.mergedFrom names it); the duplicate becomes Disqualified/Merged (status reason code 8), final:"
              + " reactivating or merging it again is a 409. The master must be Open, the duplicate Open or Disqualified."
              + " Publishes leadflow.lead.updated.v1 (the master's changed values, if any) and leadflow.lead.merged.v1 for each"
              + " of the two leads. If-Match names the master's version, duplicateVersion the duplicate's.")
  @APIResponse(
      responseCode = "200",
      description = "Merged; ETag carries the master's new version",
      content = @Content(schema = @Schema(implementation = MergeBodies.Response.class)))
  @APIResponse(
      responseCode = "400",
      description = "No duplicateId, or fields naming something a merge does not choose (errors[].field: fields.<name>), or a choice that is neither master nor duplicate",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such lead, or one the caller may not see (either of the two: the answer does not say which exists)",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The master is not Open, or the duplicate is Qualified or merged already; the problem names the state and the action",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "412",
      description = "If-Match (the master) or duplicateVersion names an old version",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The duplicate is the master itself, or an Idempotency-Key reused for another request",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> merge(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "The master's ETag the merge is based on", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @RequestBody(
              content =
                  @Content(
                      schema = @Schema(implementation = MergeBodies.Request.class),
                      examples = {
                          @ExampleObject(
                              name = "email and budget from the duplicate",
                              value =
                                  "{\"duplicateId\":\"01a21bb2-53e0-7973-b26e-997d0c4247b7\",\"duplicateVersion\":3,"
                                      + "\"fields\":{\"email\":\"duplicate\",\"phone\":\"master\",\"qualification.budget\":\"duplicate\",\"attributes.campaign\":\"duplicate\"}}"),
                          @ExampleObject(name = "defaults only", value = "{\"duplicateId\":\"01a21bb2-53e0-7973-b26e-997d0c4247b7\"}")}))
          @Valid
          @NotNull
          MergeBodies.Request request) {
    Map<String, LeadMerge.Source> fields = sources(request.fields());
    return commands
        .run(
            merge,
            () -> new MergeLeads.Command(
                id, Preconditions.expectedVersion(ifMatch), request.duplicateId(), Optional.ofNullable(request.duplicateVersion()), fields, callers.get()),
            idempotent.key("merge:" + id, idempotencyKey, request),
            this::ok)
        .map(IdempotentRequests::response);
  }

  /** The choices as the domain reads them; a field a merge does not choose is the domain's to name. */
  private static Map<String, LeadMerge.Source> sources(Map<String, String> fields) {
    Map<String, LeadMerge.Source> sources = new LinkedHashMap<>();
    if (fields == null) {
      return sources;
    }
    List<FieldError> errors = new ArrayList<>();
    fields.forEach((field, source) -> {
      LeadMerge.Source parsed = LeadMapper.label(errors, "fields." + field, source, LeadMerge.Source::fromLabel);
      if (source == null) {
        errors.add(new FieldError("fields." + field, "must be master or duplicate"));
      } else if (parsed != null) {
        sources.put(field, parsed);
      }
    });
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return sources;
  }

  private Answer ok(MergeLeads.Merged merged) {
    Map<String, String> fields = new LinkedHashMap<>();
    merged.choices().forEach((field, source) -> fields.put(field, source.label()));
    return IdempotentRequests.ok(
        new MergeBodies.Response(
            mapper.toResponse(merged.master()), mapper.toResponse(merged.duplicate()), fields, merged.activitiesMoved(), merged.historyEntriesCopied()),
        merged.master().version());
  }
}
