package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.RerunEnrichment;
import org.leadflow.lead.service.EnrichmentQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** What enrichment found out about a lead (docs/enrichment.md), and asking for it again. */
@Path("/api/v1/leads/{id}/enrichment")
@Tag(name = "Enrichment", description = "What LeadFlow found out about a lead on its own, each fact with its source and time")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadEnrichmentResource {

  static final String EXAMPLE =
      "{\"leadId\":\"0190f5a4-1c2b-7d3e-9f40-5a6b7c8d9e0f\",\"emailDomain\":\"acme.example\",\"websiteDomain\":\"acme.example\","
          + "\"freeMailEmail\":false,\"disposableEmail\":false,\"emailBounced\":false,\"phoneCountry\":\"DE\",\"seniority\":\"VP\","
          + "\"department\":\"Sales\",\"facts\":{\"emailDomain\":{\"value\":\"acme.example\",\"source\":\"email\",\"enrichedAt\":\"2026-11-29T10:15:30Z\"},"
          + "\"websiteDomain\":{\"value\":\"acme.example\",\"source\":\"email\",\"enrichedAt\":\"2026-11-29T10:15:30Z\"},"
          + "\"country\":{\"value\":\"DE\",\"source\":\"phone\",\"enrichedAt\":\"2026-11-29T10:15:30Z\"},"
          + "\"industry\":{\"value\":\"Manufacturing\",\"source\":\"provider\",\"enrichedAt\":\"2026-11-29T10:15:31Z\"}},"
          + "\"filled\":{\"website\":\"https://acme.example\",\"industry\":\"Manufacturing\"},\"personOwned\":[\"country\"],"
          + "\"provider\":{\"status\":\"found\",\"domain\":\"acme.example\",\"attempts\":0,\"lastError\":null,"
          + "\"checkedAt\":\"2026-11-29T10:15:31Z\",\"nextAttemptAt\":null},\"enrichedAt\":\"2026-11-29T10:15:31Z\"}";

  @Inject EnrichmentQueries enrichments;
  @Inject Commands commands;
  @Inject RerunEnrichment rerun;
  @Inject CurrentCaller callers;

  @GET
  @Operation(
      operationId = "getLeadEnrichment",
      summary = "What enrichment found out about a lead",
      description =
          "Enrichment runs after every create and edit, asynchronously: the flags (free-mail, disposable, bounced email),"
              + " seniority and department, the countries of the phone and the company, the provider's company data, each fact"
              + " with its source and time; the lead fields it filled; and where the company data lookup stands."
              + " Until the lead is first enriched (a moment after it was created) there are no facts, enrichedAt is null and"
              + " the provider status is pending.")
  @APIResponse(
      responseCode = "200",
      description = "The lead's enrichment",
      content = @Content(schema = @Schema(implementation = EnrichmentResponse.class), examples = @ExampleObject(name = "enriched", value = EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<EnrichmentResponse> get(@PathParam("id") UUID id) {
    return enrichments
        .get(id, callers.get())
        .map(found -> found.map(EnrichmentMapper::toResponse).orElseGet(() -> EnrichmentMapper.notYet(id)));
  }

  @POST
  @Operation(
      operationId = "rerunLeadEnrichment",
      summary = "Enrich a lead again",
      description =
          "For the lead's owner and sales managers: the company data is asked for again (whatever the provider answered"
              + " before, e.g. after it was down) and the built-in enrichers run again, in the background within"
              + " leadflow.enrichment.provider.retry-interval. A value a person entered is still never overwritten."
              + " Repeating it is harmless. No request body.")
  @APIResponse(
      responseCode = "202",
      description = "Asked for; the enrichment as it stands, its provider status pending",
      content = @Content(schema = @Schema(implementation = EnrichmentResponse.class), examples = @ExampleObject(name = "pending", value = EXAMPLE)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> rerun(@PathParam("id") UUID id) {
    return commands
        .run(rerun, new RerunEnrichment.Command(id, callers.get()))
        .map(enrichment -> Response.accepted(EnrichmentMapper.toResponse(enrichment)).build());
  }
}
