package org.leadflow.opportunity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.api.PageResponses.OpportunityPage;
import org.leadflow.opportunity.service.OpportunityQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Opportunities created from qualified leads")
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
          + "\"createdAt\":\"2026-05-04T09:15:00Z\",\"version\":0}";

  @Inject OpportunityQueries opportunities;
  @Inject CurrentCaller callers;

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
