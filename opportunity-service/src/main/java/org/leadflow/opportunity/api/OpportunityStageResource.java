package org.leadflow.opportunity.api;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.StageRequirement;
import org.leadflow.opportunity.service.OpportunityPipeline;
import org.leadflow.web.FieldError;
import org.leadflow.web.IfMatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** The stages of the sales process: what each requires and its default probability (an admin's configuration). */
@Path("/api/v1/opportunity-stages")
@Tag(name = "Opportunity stages", description = "What each stage of the sales process requires, and its default probability")
@Produces(MediaType.APPLICATION_JSON)
public class OpportunityStageResource {

  private static final String SETTINGS_EXAMPLE =
      "{\"items\":[{\"stage\":\"Qualify\",\"defaultProbability\":10,\"requiredData\":[],\"updatedAt\":\"2026-05-04T09:15:00Z\",\"updatedBy\":null,\"version\":0},"
          + "{\"stage\":\"Develop\",\"defaultProbability\":40,\"requiredData\":[\"customerNeed\",\"proposedSolution\"],\"updatedAt\":\"2026-05-04T09:15:00Z\",\"updatedBy\":null,\"version\":0},"
          + "{\"stage\":\"Propose\",\"defaultProbability\":60,\"requiredData\":[\"estimatedValue\",\"lines\"],\"updatedAt\":\"2026-05-04T09:15:00Z\",\"updatedBy\":null,\"version\":0},"
          + "{\"stage\":\"Close\",\"defaultProbability\":80,\"requiredData\":[\"finalProposalDate\"],\"updatedAt\":\"2026-05-04T09:15:00Z\",\"updatedBy\":null,\"version\":0}]}";

  @Inject OpportunityPipeline pipeline;
  @Inject CurrentCaller callers;

  @GET
  @RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.ADMIN})
  @Operation(
      operationId = "listOpportunityStages",
      summary = "The stages of the sales process, in order",
      description = "For each stage: the data an opportunity needs to enter it (besides what the stages before require) and the probability it gets.")
  @APIResponse(
      responseCode = "200",
      description = "Every stage, in order",
      content = @Content(schema = @Schema(implementation = PipelineResponses.StageSettings.class), examples = @ExampleObject(name = "defaults", value = SETTINGS_EXAMPLE)))
  public Uni<PipelineResponses.StageSettings> list() {
    return pipeline.stageSettings().map(all -> new PipelineResponses.StageSettings(all.stream().map(PipelineResponses::stageSetting).toList()));
  }

  @PUT
  @Path("/{stage}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "configureOpportunityStage",
      summary = "Set what a stage requires and its default probability",
      description =
          "Admins only. Applies to the moves that come after (opportunities already in the stage keep it). requiredData"
              + " names members of the opportunity: description, customerNeed, proposedSolution, estimatedValue,"
              + " estimatedCloseDate, finalProposalDate, accountId, contactId, lines (at least one line).")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PipelineRequests.StageSettingInput.class),
              examples = @ExampleObject(name = "develop", value = "{\"defaultProbability\":35,\"requiredData\":[\"customerNeed\",\"proposedSolution\",\"contactId\"]}")))
  @APIResponse(
      responseCode = "200",
      description = "The stage's new setting; ETag carries its version",
      content =
          @Content(
              schema = @Schema(implementation = PipelineResponses.StageSettingResponse.class),
              examples =
                  @ExampleObject(
                      name = "develop",
                      value =
                          "{\"stage\":\"Develop\",\"defaultProbability\":35,\"requiredData\":[\"customerNeed\",\"proposedSolution\",\"contactId\"],"
                              + "\"updatedAt\":\"2026-05-04T09:15:00Z\",\"updatedBy\":\"admin-7\",\"version\":1}")))
  @APIResponse(responseCode = "400", description = "Unknown stage or required data, or a probability outside 0 to 100", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version of the setting", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> configure(
      @Parameter(description = "The stage", example = "Develop", schema = @Schema(enumeration = {"Qualify", "Develop", "Propose", "Close"}))
          @PathParam("stage")
          String stageLabel,
      @Parameter(in = ParameterIn.HEADER, description = "ETag of the setting the change is based on; 412 when stale", example = "\"0\"")
          @HeaderParam(IfMatch.HEADER)
          String ifMatch,
      @Valid @NotNull PipelineRequests.StageSettingInput request) {
    List<FieldError> errors = new ArrayList<>();
    OpportunityStage stage = PipelineInputs.label(errors, "stage", stageLabel, OpportunityStage::fromLabel);
    Set<StageRequirement> required = new LinkedHashSet<>();
    for (int i = 0; i < request.requiredData().size(); i++) {
      String field = request.requiredData().get(i);
      StageRequirement requirement = field == null ? null : PipelineInputs.label(errors, "requiredData[" + i + "]", field, StageRequirement::fromField);
      if (field == null) {
        errors.add(new FieldError("requiredData[" + i + "]", "must not be null"));
      } else if (requirement != null) {
        required.add(requirement);
      }
    }
    if (request.defaultProbability() < 0 || request.defaultProbability() > 100) {
      errors.add(new FieldError("defaultProbability", "must be from 0 to 100"));
    }
    PipelineInputs.failOn(errors);
    return pipeline
        .configureStage(stage, IfMatch.optional(ifMatch), request.defaultProbability(), required, callers.get())
        .map(setting -> ResponseMapper.ok(PipelineResponses.stageSetting(setting), setting.version()));
  }
}
