package org.leadflow.opportunity.api;

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
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.OpportunityStatusReason;
import org.leadflow.opportunity.service.OpportunityPipeline;
import org.leadflow.opportunity.service.OpportunityQueries.OpportunityWithLines;
import org.leadflow.web.FieldError;
import org.leadflow.web.IdempotentRequests;
import org.leadflow.web.IfMatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The opportunity's way through the sales process: stage moves, closing as won or lost, reopening,
 * holding and resuming. Each action answers the opportunity as it is after, with its new ETag;
 * If-Match is optional here (412 when stale).
 */
@Path("/api/v1/opportunities/{id}")
@Tag(name = "Opportunity pipeline", description = "Stages, win, lose, reopen, hold and resume")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(
    responseCode = "200",
    description = "The opportunity after the action; ETag carries its new version",
    content =
        @Content(
            schema = @Schema(implementation = OpportunityResponse.class),
            examples = @ExampleObject(name = "opportunity", value = OpportunityResource.OPPORTUNITY_EXAMPLE)))
@APIResponse(responseCode = "404", description = "No such opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "The opportunity's state does not allow the action; the problem names state, statusReason and action", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an old version; ETag carries the current one", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class OpportunityPipelineResource {

  private static final String IF_MATCH = "ETag the action is based on; 412 when stale";

  @Inject OpportunityPipeline pipeline;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;

  @POST
  @Path("/stage")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveOpportunityStage",
      summary = "Move an opportunity to another stage",
      description =
          "Qualify → Develop → Propose → Close, forward (also past a stage) when the opportunity has the data that"
              + " every stage up to the target requires (GET /opportunity-stages), back at any time. The probability"
              + " becomes the stage's default. Publishes leadflow.opportunity.stage-changed.v1. Moving to the stage"
              + " it is in changes nothing.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PipelineRequests.MoveStage.class),
              examples = @ExampleObject(name = "develop", value = "{\"stage\":\"Develop\"}")))
  @APIResponse(responseCode = "400", description = "No or unknown stage", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "Data the stage requires is missing: errors name each missing member (or the Idempotency-Key was used for a different request)",
      content =
          @Content(
              mediaType = Problems.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "missing",
                      value =
                          "{\"type\":\"https://leadflow.org/problems/stage-data-missing\",\"title\":\"Data the stage requires is missing\","
                              + "\"status\":422,\"detail\":\"To enter Develop the opportunity needs customerNeed, proposedSolution\","
                              + "\"instance\":\"/api/v1/opportunities/0190f5c4-7d7a-7b5e-9a57-6d0b6b1f2c3d/stage\","
                              + "\"errors\":[{\"field\":\"customerNeed\",\"message\":\"is required to enter Develop\"},"
                              + "{\"field\":\"proposedSolution\",\"message\":\"is required to enter Develop\"}]}")))
  public Uni<Response> moveStage(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Valid @NotNull PipelineRequests.MoveStage request) {
    List<FieldError> errors = new ArrayList<>();
    OpportunityStage stage = PipelineInputs.label(errors, "stage", request.stage(), OpportunityStage::fromLabel);
    PipelineInputs.failOn(errors);
    return idempotent.run(
        "move-stage:" + id, idempotencyKey, request, () -> answer(pipeline.moveStage(id, IfMatch.optional(ifMatch), stage, callers.get())));
  }

  @POST
  @Path("/win")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "winOpportunity",
      summary = "Close an opportunity as won",
      description =
          "Open → Won/Won (3), with the actual revenue (default: the estimated value) and close date (default: today)."
              + " Publishes leadflow.opportunity.won.v1, which names the originating lead.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PipelineRequests.Win.class),
              examples =
                  @ExampleObject(
                      name = "won",
                      value = "{\"actualRevenue\":{\"amount\":\"2400.00\",\"currency\":\"GBP\"},\"actualCloseDate\":\"2026-09-28\",\"note\":\"Signed\"}")))
  @APIResponse(responseCode = "400", description = "Invalid revenue, date or note", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "The actual revenue is not in the opportunity's currency, or the Idempotency-Key was used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> win(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @NotNull PipelineRequests.Win request) {
    List<FieldError> errors = new ArrayList<>();
    Money revenue = PipelineInputs.money(errors, "actualRevenue", request.actualRevenue());
    PipelineInputs.failOn(errors);
    return idempotent.run(
        "win:" + id,
        idempotencyKey,
        request,
        () -> answer(pipeline.win(id, IfMatch.optional(ifMatch), revenue, request.actualCloseDate(), request.note(), callers.get())));
  }

  @POST
  @Path("/lose")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "loseOpportunity",
      summary = "Close an opportunity as lost",
      description =
          "Open → Lost with the status reason Canceled (4) or Out-Sold (5), the competitor and a note. Publishes"
              + " leadflow.opportunity.lost.v1, which names the originating lead.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PipelineRequests.Lose.class),
              examples =
                  @ExampleObject(
                      name = "out-sold",
                      value = "{\"statusReason\":\"Out-Sold\",\"competitor\":\"Babbage & Co\",\"note\":\"Lower price, same delivery date\"}")))
  @APIResponse(responseCode = "400", description = "No or unknown status reason, or an invalid competitor, note or date", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> lose(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Valid @NotNull PipelineRequests.Lose request) {
    List<FieldError> errors = new ArrayList<>();
    OpportunityStatusReason reason = PipelineInputs.label(errors, "statusReason", request.statusReason(), OpportunityStatusReason::fromLabel);
    PipelineInputs.failOn(errors);
    return idempotent.run(
        "lose:" + id,
        idempotencyKey,
        request,
        () ->
            answer(
                pipeline.lose(
                    id, IfMatch.optional(ifMatch), reason, request.competitor(), request.note(), request.actualCloseDate(), callers.get())));
  }

  @POST
  @Path("/reopen")
  @Operation(
      operationId = "reopenOpportunity",
      summary = "Reopen a won or lost opportunity",
      description =
          "Won or Lost → Open/In Progress; the close data (actual revenue and date, competitor, note) is cleared and"
              + " stays in the history. Publishes leadflow.opportunity.reopened.v1. No body.")
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> reopen(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return idempotent.run("reopen:" + id, idempotencyKey, id, () -> answer(pipeline.reopen(id, IfMatch.optional(ifMatch), callers.get())));
  }

  @POST
  @Path("/hold")
  @Operation(operationId = "putOpportunityOnHold", summary = "Put an opportunity on hold", description = "Open/In Progress → Open/On Hold (2). No body.")
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> hold(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return idempotent.run("hold:" + id, idempotencyKey, id, () -> answer(pipeline.putOnHold(id, IfMatch.optional(ifMatch), callers.get())));
  }

  @POST
  @Path("/resume")
  @Operation(operationId = "resumeOpportunity", summary = "Resume an opportunity on hold", description = "Open/On Hold → Open/In Progress (1). No body.")
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> resume(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = IF_MATCH, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return idempotent.run("resume:" + id, idempotencyKey, id, () -> answer(pipeline.resume(id, IfMatch.optional(ifMatch), callers.get())));
  }

  private static Uni<Response> answer(Uni<OpportunityWithLines> changed) {
    return changed.map(found -> ResponseMapper.ok(ResponseMapper.opportunity(found), found.opportunity().version()));
  }
}
