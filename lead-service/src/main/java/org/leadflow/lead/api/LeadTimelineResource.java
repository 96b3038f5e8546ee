package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.LogActivity;
import org.leadflow.lead.service.LeadQueries;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** A lead's outreach timeline and its audit history. */
@Path("/api/v1/leads/{id}")
@Tag(name = "Lead timeline", description = "Outreach activities and audit history")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadTimelineResource {

  @Inject Commands commands;
  @Inject LogActivity logActivity;
  @Inject LeadQueries leads;
  @Inject ActivityMapper activityMapper;
  @Inject HistoryMapper historyMapper;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;

  @POST
  @Path("/activities")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "logLeadActivity",
      summary = "Log an activity",
      description =
          "Adds a call, email, meeting, task or note to the lead's timeline (leadflow.lead.activity-logged.v1)."
              + " The first completed call, email or meeting moves a New lead to Contacted (leadflow.lead.updated.v1).")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = ActivityRequest.class),
              examples =
                  @ExampleObject(
                      name = "call",
                      value = "{\"type\":\"Phone Call\",\"subject\":\"Intro call\",\"direction\":\"Outbound\",\"outcome\":\"Completed\"}")))
  @APIResponse(responseCode = "201", description = "Logged", content = @Content(schema = @Schema(implementation = ActivityResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid activity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The lead is Qualified (final)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> logActivity(
      @PathParam("id") UUID id,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Valid @NotNull ActivityRequest request,
      @Context UriInfo uri) {
    var details = activityMapper.toDetails(request);
    return commands
        .run(
            logActivity,
            () -> new LogActivity.Command(id, details, callers.get()),
            idempotent.key("log-activity:" + id, idempotencyKey, request),
            activity ->
                IdempotentRequests.created(
                    uri.getAbsolutePathBuilder().path(activity.id().toString()).build(), activityMapper.toResponse(activity), null))
        .map(IdempotentRequests::response);
  }

  @GET
  @Path("/activities")
  @Operation(operationId = "listLeadActivities", summary = "List a lead's activities, newest first")
  @APIResponse(responseCode = "200", description = "One page of activities", content = @Content(schema = @Schema(implementation = ActivityPage.class)))
  public Uni<ActivityPage> activities(
      @PathParam("id") UUID id,
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return leads
        .activities(id, paging.page(), paging.size(), callers.get())
        .map(found -> new ActivityPage(found.items().stream().map(activityMapper::toResponse).toList(), found.page(), found.size(), found.total()));
  }

  @GET
  @Path("/history")
  @Operation(
      operationId = "listLeadHistory",
      summary = "A lead's audit history, newest first",
      description = "Every change: fields old → new, state transitions, who, when and through what (user, import, agent, system).")
  @APIResponse(responseCode = "200", description = "One page of history entries", content = @Content(schema = @Schema(implementation = HistoryPage.class)))
  public Uni<HistoryPage> history(
      @PathParam("id") UUID id,
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return leads
        .history(id, paging.page(), paging.size(), callers.get())
        .map(found -> new HistoryPage(found.items().stream().map(historyMapper::toResponse).toList(), found.page(), found.size(), found.total()));
  }

  @Schema(name = "ActivityPage")
  public record ActivityPage(List<ActivityResponse> items, int page, int size, long total) {}

  @Schema(name = "HistoryPage")
  public record HistoryPage(List<HistoryEntryResponse> items, int page, int size, long total) {}
}
