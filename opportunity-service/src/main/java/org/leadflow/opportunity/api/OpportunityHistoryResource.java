package org.leadflow.opportunity.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.service.OpportunityPipeline;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** What happened to an opportunity: its stays in its stages and its audit history. */
@Path("/api/v1/opportunities/{id}")
@Tag(name = "Opportunity history", description = "Stage history with time in stage, and the audit history of every change")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class OpportunityHistoryResource {

  @Inject OpportunityPipeline pipeline;
  @Inject CurrentCaller callers;
  @Inject ObjectMapper json;

  @GET
  @Path("/stage-history")
  @Operation(
      operationId = "listOpportunityStageHistory",
      summary = "An opportunity's stages, oldest first",
      description = "Each stay in a stage: when it was entered and left (none for the current stage), by whom, and the time in stage.")
  @APIResponse(
      responseCode = "200",
      description = "One page of stage stays",
      content =
          @Content(
              schema = @Schema(implementation = PipelineResponses.StageVisitPage.class),
              examples =
                  @ExampleObject(
                      name = "stages",
                      value =
                          "{\"items\":[{\"stage\":\"Qualify\",\"enteredAt\":\"2026-05-04T09:15:00Z\",\"leftAt\":\"2026-05-06T09:15:00Z\","
                              + "\"enteredBy\":null,\"timeInStage\":\"PT48H\",\"timeInStageSeconds\":172800},"
                              + "{\"stage\":\"Develop\",\"enteredAt\":\"2026-05-06T09:15:00Z\",\"leftAt\":null,\"enteredBy\":\"seller-7\","
                              + "\"timeInStage\":\"PT2H\",\"timeInStageSeconds\":7200}],\"page\":0,\"size\":50,\"total\":2}")))
  public Uni<PipelineResponses.StageVisitPage> stageHistory(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id, @BeanParam Paging paging) {
    PageParameters page = PageParameters.read(paging.page, paging.size);
    Instant now = Instant.now();
    return pipeline
        .stageHistory(id, page.page(), page.size(), callers.get())
        .map(found ->
            new PipelineResponses.StageVisitPage(
                found.items().stream()
                    .map(visit -> {
                      Duration time = visit.timeInStage(now);
                      return new PipelineResponses.StageVisitResponse(
                          visit.stage().label(), visit.enteredAt(), visit.leftAt(), visit.enteredBy(), time.toString(), time.toSeconds());
                    })
                    .toList(),
                found.page(),
                found.size(),
                found.total()));
  }

  @GET
  @Path("/history")
  @Operation(
      operationId = "listOpportunityHistory",
      summary = "An opportunity's audit history, newest first",
      description = "Every change: fields old → new (edits, stage, state and status reason, lines, close data), who and when.")
  @APIResponse(
      responseCode = "200",
      description = "One page of history entries",
      content =
          @Content(
              schema = @Schema(implementation = PipelineResponses.OpportunityHistoryPage.class),
              examples =
                  @ExampleObject(
                      name = "history",
                      value =
                          "{\"items\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000009\",\"occurredAt\":\"2026-05-06T09:15:00Z\","
                              + "\"actor\":{\"id\":\"seller-7\",\"name\":\"Ada Lovelace\"},\"action\":\"stage-changed\","
                              + "\"changes\":[{\"field\":\"stage\",\"oldValue\":\"Qualify\",\"newValue\":\"Develop\"},"
                              + "{\"field\":\"probability\",\"oldValue\":10,\"newValue\":40}]}],\"page\":0,\"size\":50,\"total\":1}")))
  public Uni<PipelineResponses.OpportunityHistoryPage> history(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id, @BeanParam Paging paging) {
    PageParameters page = PageParameters.read(paging.page, paging.size);
    return pipeline
        .history(id, page.page(), page.size(), callers.get())
        .map(found ->
            new PipelineResponses.OpportunityHistoryPage(
                found.items().stream().map(entry -> PipelineResponses.historyEntry(json, entry)).toList(), found.page(), found.size(), found.total()));
  }
}
