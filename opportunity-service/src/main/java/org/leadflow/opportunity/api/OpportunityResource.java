package org.leadflow.opportunity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.leadflow.opportunity.api.PageResponses.OpportunityPage;
import org.leadflow.opportunity.service.OpportunityPipeline;
import org.leadflow.opportunity.service.OpportunityQueries;
import org.leadflow.web.IfMatch;
import org.leadflow.web.MergePatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Opportunities created from qualified leads: read, list and edit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class OpportunityResource {

  static final String OPPORTUNITY_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-6d0b6b1f2c3d\",\"name\":\"Analytical Engines Ltd\","
          + "\"originatingLeadId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\","
          + "\"conversionId\":\"0190f5c4-7d7a-7b5e-9a57-000000000001\","
          + "\"accountId\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\","
          + "\"contactId\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"ownerId\":\"seller-7\","
          + "\"state\":\"Open\",\"statusReason\":\"In Progress\",\"statusReasonCode\":1,"
          + "\"estimatedValue\":{\"amount\":\"2500.00\",\"currency\":\"GBP\"},\"estimatedCloseDate\":\"2026-09-30\","
          + "\"lines\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000004\",\"lineNumber\":1,"
          + "\"productName\":\"Difference Engine licence\",\"quantity\":\"2\","
          + "\"unitPrice\":{\"amount\":\"1250.00\",\"currency\":\"GBP\"},\"amount\":{\"amount\":\"2500.00\",\"currency\":\"GBP\"}}],"
          + "\"createdAt\":\"2026-05-04T09:15:00Z\",\"version\":0,\"stage\":\"Qualify\","
          + "\"stageEnteredAt\":\"2026-05-04T09:15:00Z\",\"probability\":10,\"estimatedValueSource\":\"lines\","
          + "\"updatedAt\":\"2026-05-04T09:15:00Z\"}";

  @Inject OpportunityQueries opportunities;
  @Inject OpportunityPipeline pipeline;
  @Inject CurrentCaller callers;
  @Inject ObjectMapper json;

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getOpportunity",
      summary = "Get an opportunity",
      description =
          "With its lines. The id is the one lead-service returned when the lead was qualified; until"
              + " opportunity-service has processed that conversion it answers 404.")
  @APIResponse(
      responseCode = "200",
      description = "The opportunity; ETag carries its version",
      content =
          @Content(
              schema = @Schema(implementation = OpportunityResponse.class),
              examples = @ExampleObject(name = "opportunity", value = OPPORTUNITY_EXAMPLE)))
  @APIResponse(
      responseCode = "404",
      description = "No such opportunity: unknown, or a conversion not processed yet (or failed)",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id) {
    return opportunities.get(id, callers.get()).map(found -> ResponseMapper.ok(ResponseMapper.opportunity(found), found.opportunity().version()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateOpportunity",
      summary = "Edit an opportunity",
      description =
          "JSON Merge Patch (RFC 7386) of OpportunityEdit: members present replace, null removes. Only an Open"
              + " opportunity can be edited, and only with If-Match (428 without). Setting estimatedValue makes the"
              + " value user-provided; estimatedValueSource lines makes it follow the lines again. Only a sales"
              + " manager changes ownerId. Every changed field is kept in the opportunity's history.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = PipelineRequests.Edit.class),
              examples =
                  @ExampleObject(
                      name = "patch",
                      value = "{\"customerNeed\":\"Cut the tabulation backlog in half\",\"probability\":55,\"description\":null}")))
  @APIResponse(
      responseCode = "200",
      description = "The edited opportunity; ETag carries its new version",
      content = @Content(schema = @Schema(implementation = OpportunityResponse.class), examples = @ExampleObject(name = "opportunity", value = OPPORTUNITY_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid result or unknown field: one entry per offending field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A seller may not give the opportunity to another owner", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The opportunity is not Open (won or lost)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version; ETag carries the current one", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "A user-provided estimatedValue not in the currency of the lines", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "428", description = "No If-Match", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> patch(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag the edit is based on; 412 when stale, 428 when missing", example = "\"3\"")
          @HeaderParam(IfMatch.HEADER)
          String ifMatch,
      @NotNull JsonNode patch) {
    PipelineInputs.requireObject(patch);
    long expected = IfMatch.required(ifMatch);
    return pipeline
        .edit(id, Optional.of(expected), callers.get(), opportunity -> PipelineInputs.patchedEdit(json, opportunity.editable(), patch))
        .map(changed -> ResponseMapper.ok(ResponseMapper.opportunity(changed), changed.opportunity().version()));
  }

  @GET
  @Operation(operationId = "listOpportunities", summary = "List opportunities", description = "Paged, sorted and filtered; filters combine with AND.")
  @APIResponse(
      responseCode = "200",
      description = "One page of opportunities, each with its lines",
      content =
          @Content(
              schema = @Schema(implementation = OpportunityPage.class),
              examples =
                  @ExampleObject(
                      name = "page",
                      value = "{\"items\":[" + OPPORTUNITY_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<OpportunityPage> list(@BeanParam OpportunityListParameters parameters) {
    return opportunities
        .list(parameters.toQuery(), callers.get())
        .map(page -> new OpportunityPage(page.items().stream().map(ResponseMapper::opportunity).toList(), page.page(), page.size(), page.total()));
  }
}
