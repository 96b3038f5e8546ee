package org.leadflow.opportunity.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
import org.leadflow.opportunity.service.OpportunityPipeline;
import org.leadflow.web.IdempotentRequests;
import org.leadflow.web.IfMatch;
import org.leadflow.web.MergePatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/**
 * The opportunity's lines, of catalogue products or write-in: each has a quantity, a price per unit,
 * a discount and a tax, and an extended amount = (quantity × unitPrice − discount) + tax in the
 * opportunity's currency. While
 * the estimated value follows the lines (estimatedValueSource lines) it is their sum. Adding,
 * changing and removing a line answer the opportunity as it is after, with its new ETag.
 */
@Path("/api/v1/opportunities/{id}/lines")
@Tag(name = "Opportunity lines", description = "Product lines, of catalogue products or write-in, with discount and tax")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class OpportunityLineResource {

  private static final String LINE_EXAMPLE =
      "{\"productName\":\"Difference Engine licence\",\"quantity\":\"3\",\"unitPrice\":{\"amount\":\"1250.00\",\"currency\":\"GBP\"},"
          + "\"discount\":{\"amount\":\"250.00\",\"currency\":\"GBP\"},\"tax\":{\"amount\":\"700.00\",\"currency\":\"GBP\"}}";

  private static final String CATALOGUE_LINE_EXAMPLE =
      "{\"productId\":\"0190f5c4-7d7a-7b5e-9a57-00000000000a\",\"quantity\":\"2\",\"discount\":{\"amount\":\"100.00\",\"currency\":\"GBP\"}}";

  @Inject OpportunityPipeline pipeline;
  @Inject CurrentCaller callers;
  @Inject ObjectMapper json;
  @Inject IdempotentRequests idempotent;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "addOpportunityLine",
      summary = "Add a line",
      description =
          "Numbered after the last line. A line of a catalogue product names its productId (an active product) and"
              + " takes the product's name and its catalogue price in the opportunity's currency unless it gives them;"
              + " a write-in line gives productName and unitPrice. The line must be in the opportunity's currency (its"
              + " lines', else its user-provided estimated value's); an opportunity has at most 100 lines. Kept in the history.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = PipelineRequests.Line.class),
              examples = {
                @ExampleObject(name = "line", value = LINE_EXAMPLE),
                @ExampleObject(name = "catalogue product", value = CATALOGUE_LINE_EXAMPLE)
              }))
  @APIResponse(responseCode = "201", description = "The opportunity with the new line; Location names the line, ETag carries the opportunity's new version", content = @Content(schema = @Schema(implementation = OpportunityResponse.class), examples = @ExampleObject(name = "opportunity", value = OpportunityResource.OPPORTUNITY_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid line: one entry per offending field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The opportunity is not Open", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "The line is not in the opportunity's currency; productId names no active product of the catalogue, or one without a price in the opportunity's currency; or the Idempotency-Key was used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> add(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag of the opportunity the change is based on; 412 when stale", example = "\"3\"")
          @HeaderParam(IfMatch.HEADER)
          String ifMatch,
      @Parameter(description = "Makes retries safe: a repeat with the same key answers the first result") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @NotNull PipelineRequests.Line request,
      @Context UriInfo uri) {
    return idempotent.run(
        "add-line:" + id,
        idempotencyKey,
        request,
        () ->
            pipeline
                .addLine(id, IfMatch.optional(ifMatch), PipelineInputs.line(request), callers.get())
                .map(added ->
                    Response.created(uri.getAbsolutePathBuilder().path(added.lineId().toString()).build())
                        .tag(IfMatch.etag(added.opportunity().opportunity().version()))
                        .entity(ResponseMapper.opportunity(added.opportunity()))
                        .build()));
  }

  @GET
  @Path("/{lineId}")
  @Operation(operationId = "getOpportunityLine", summary = "Get one line of an opportunity")
  @APIResponse(
      responseCode = "200",
      description = "The line",
      content =
          @Content(
              schema = @Schema(implementation = OpportunityResponse.OpportunityLineResponse.class),
              examples =
                  @ExampleObject(
                      name = "line",
                      value =
                          "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000004\",\"lineNumber\":1,\"productName\":\"Difference Engine licence\","
                              + "\"quantity\":\"3\",\"unitPrice\":{\"amount\":\"1250.00\",\"currency\":\"GBP\"},"
                              + "\"amount\":{\"amount\":\"4200.00\",\"currency\":\"GBP\"},\"description\":null,"
                              + "\"discount\":{\"amount\":\"250.00\",\"currency\":\"GBP\"},\"tax\":{\"amount\":\"700.00\",\"currency\":\"GBP\"}}")))
  @APIResponse(responseCode = "404", description = "No such opportunity or line", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<OpportunityResponse.OpportunityLineResponse> get(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(description = "Line id (UUID)") @PathParam("lineId") UUID lineId) {
    return pipeline.getLine(id, lineId, callers.get()).map(ResponseMapper::line);
  }

  @PATCH
  @Path("/{lineId}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateOpportunityLine",
      summary = "Change a line",
      description = "JSON Merge Patch (RFC 7386) of OpportunityLineInput, with If-Match of the opportunity (428 without). Kept in the history.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = PipelineRequests.Line.class),
              examples = @ExampleObject(name = "patch", value = "{\"quantity\":\"4\",\"discount\":null}")))
  @APIResponse(responseCode = "200", description = "The opportunity with the changed line; ETag carries its new version", content = @Content(schema = @Schema(implementation = OpportunityResponse.class), examples = @ExampleObject(name = "opportunity", value = OpportunityResource.OPPORTUNITY_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid result or unknown field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such opportunity or line", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The opportunity is not Open", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version of the opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "The line is not in the opportunity's currency, or productId names another product that is not offered (unknown, deactivated, or without a price in the opportunity's currency)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "428", description = "No If-Match", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> patch(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(description = "Line id (UUID)") @PathParam("lineId") UUID lineId,
      @Parameter(in = ParameterIn.HEADER, required = true, description = "ETag of the opportunity; 412 when stale, 428 when missing", example = "\"3\"")
          @HeaderParam(IfMatch.HEADER)
          String ifMatch,
      @NotNull JsonNode patch) {
    PipelineInputs.requireObject(patch);
    long expected = IfMatch.required(ifMatch);
    return pipeline
        .changeLine(id, lineId, Optional.of(expected), line -> PipelineInputs.patchedLine(json, line.values(), patch), callers.get())
        .map(changed -> ResponseMapper.ok(ResponseMapper.opportunity(changed), changed.opportunity().version()));
  }

  @DELETE
  @Path("/{lineId}")
  @Operation(operationId = "removeOpportunityLine", summary = "Remove a line", description = "Kept in the history. The other lines keep their numbers.")
  @APIResponse(responseCode = "200", description = "The opportunity without the line; ETag carries its new version", content = @Content(schema = @Schema(implementation = OpportunityResponse.class), examples = @ExampleObject(name = "opportunity", value = OpportunityResource.OPPORTUNITY_EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such opportunity or line", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The opportunity is not Open", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version of the opportunity", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> remove(
      @Parameter(description = "Opportunity id (UUID)") @PathParam("id") UUID id,
      @Parameter(description = "Line id (UUID)") @PathParam("lineId") UUID lineId,
      @Parameter(in = ParameterIn.HEADER, description = "ETag of the opportunity; 412 when stale", example = "\"3\"") @HeaderParam(IfMatch.HEADER)
          String ifMatch) {
    return pipeline
        .removeLine(id, lineId, IfMatch.optional(ifMatch), callers.get())
        .map(changed -> ResponseMapper.ok(ResponseMapper.opportunity(changed), changed.opportunity().version()));
  }
}
