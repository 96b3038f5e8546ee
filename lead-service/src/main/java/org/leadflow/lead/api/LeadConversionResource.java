package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.leadflow.lead.application.DuplicateLeads;
import org.leadflow.lead.application.QualifyLead;
import org.leadflow.lead.application.RepublishConversion;
import org.leadflow.lead.application.RetryConversion;
import org.leadflow.lead.domain.ConversionRequest;
import org.leadflow.lead.domain.Lead;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** Qualifying a lead converts it into an opportunity in opportunity-service (docs/architecture.md, section Conversion). */
@Path("/api/v1/leads/{id}")
@Tag(name = "Lead conversion", description = "Qualify a lead into an opportunity; retry a failed conversion")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadConversionResource {

  private static final String QUALIFY_EXAMPLE =
      "{\"createAccount\":true,\"createContact\":true,\"createOpportunity\":true,"
          + "\"opportunity\":{\"name\":\"Analytical Engines: 200 seats\",\"estimatedCloseDate\":\"2027-03-31\","
          + "\"lines\":[{\"productName\":\"LeadFlow seat licence\",\"quantity\":\"200\",\"unitPrice\":{\"amount\":\"45.00\",\"currency\":\"EUR\"}}]}}";

  @Inject Commands commands;
  @Inject QualifyLead qualifyLead;
  @Inject RetryConversion retryConversion;
  @Inject RepublishConversion republishConversion;
  @Inject ConversionMapper conversions;
  @Inject LeadResponseMapper mapper;
  @Inject OpportunityMatches matches;
  @Inject CurrentCaller callers;
  @Inject DuplicateLeads duplicates;
  @Inject IdempotentRequests idempotent;

  @POST
  @Path("/qualify")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "qualifyLead",
      summary = "Qualify a lead",
      description =
          "Open → Qualified (final). Commits the new state and leadflow.lead.qualified.v1 in one transaction and"
              + " answers at once with the ids of the records opportunity-service will create and conversion.status"
              + " = pending; the lead shows completed (or failed) once opportunity-service has answered. With"
              + " dryRun: true it validates and previews, including the existing accounts and contacts that would be"
              + " reused, and changes nothing. The qualification policy in force gates it (and its dry run): a lead"
              + " that does not meet every required criterion is refused with 422 listing them, unless a sales"
              + " manager overrides with policyOverride.justification (kept in the history and the event, with the"
              + " policy version).")
  @RequestBody(content = @Content(schema = @Schema(implementation = QualifyRequest.class), examples = {
      @ExampleObject(name = "with lines", value = QUALIFY_EXAMPLE),
      @ExampleObject(name = "dry run", value = "{\"dryRun\":true}"),
      @ExampleObject(name = "override by a sales manager", value = "{\"policyOverride\":{\"justification\":\"Budget signed off verbally by the CFO\"}}")}))
  @APIResponse(responseCode = "200", description = "Qualified, conversion pending (or the dry run's preview); ETag is the lead's new version", content = @Content(schema = @Schema(implementation = QualifyResponse.class)))
  @APIResponse(responseCode = "403", description = "An override by someone who is not a sales manager", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The lead is not Open", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description = "The lead does not meet every required criterion of the qualification policy; errors names each (field: the criterion's key)",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> qualify(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the qualification is based on", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @NotNull QualifyRequest request) {
    ConversionRequest options = conversions.toRequest(request);
    Optional<Long> expectedVersion = Preconditions.expectedVersion(ifMatch);
    // Written once: the request kept on the lead for a retry, and what a repeat of its key must match.
    String asked = idempotent.json(request);
    String justification = request.policyOverride() == null ? null : request.policyOverride().justification();
    var qualify = new QualifyLead.Command(id, expectedVersion, options, asked, request.dryRun(), justification, callers.get());
    if (request.dryRun()) {
      return commands.run(qualifyLead, qualify).chain(this::dryRun);
    }
    return commands
        .run(qualifyLead, () -> qualify, idempotent.keyOfJson("qualify:" + id, idempotencyKey, asked), done -> qualified(done.lead()))
        .map(IdempotentRequests::response);
  }

  /** Without a body: retry with the options of the original qualify request. */
  @POST
  @Path("/conversion/retry")
  @Consumes(MediaType.WILDCARD)
  @Operation(hidden = true)
  public Uni<Response> retryAsRequested(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    return retry(id, ifMatch, idempotencyKey, null);
  }

  @POST
  @Path("/conversion/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "retryLeadConversion",
      summary = "Retry a failed conversion",
      description =
          "Publishes leadflow.lead.qualified.v1 again with a new conversion id, with the options of the body or, without"
              + " one, those of the original qualify request. Only a failed conversion can be retried.")
  @RequestBody(required = false, content = @Content(schema = @Schema(implementation = QualifyRequest.class), examples = @ExampleObject(name = "create the account after all", value = "{\"createAccount\":true}")))
  @APIResponse(responseCode = "200", description = "Conversion pending again", content = @Content(schema = @Schema(implementation = QualifyResponse.class)))
  @APIResponse(responseCode = "409", description = "The conversion did not fail", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> retry(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      QualifyRequest request) {
    ConversionRequest options = request == null ? null : conversions.toRequest(request);
    Optional<Long> expectedVersion = Preconditions.expectedVersion(ifMatch);
    String asked = request == null ? null : idempotent.json(request);
    return commands
        .run(
            retryConversion,
            () -> new RetryConversion.Command(id, expectedVersion, options, asked, callers.get()),
            asked == null ? idempotent.key("retry-conversion:" + id, idempotencyKey, "") : idempotent.keyOfJson("retry-conversion:" + id, idempotencyKey, asked),
            this::qualified)
        .map(IdempotentRequests::response);
  }

  @POST
  @Path("/conversion/republish")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Roles.SALES_MANAGER, Roles.ADMIN})
  @Operation(
      operationId = "republishLeadConversion",
      summary = "Publish a pending conversion's request again",
      description =
          "For a conversion that stays pending (opportunity-service's answer was lost, or the request never reached it;"
              + " see the list filter conversionStuck=true): appends leadflow.lead.qualified.v1 to the outbox again with"
              + " the same data (the same conversion id and the same ids of the records to create) under a new event id."
              + " opportunity-service answers a conversion it already knows with its outcome, so this is safe to repeat."
              + " The lead does not change; its history records who published it again. Sales managers and admins only.")
  @APIResponse(
      responseCode = "200",
      description = "Published again; the conversion is still pending until opportunity-service answers",
      content =
          @Content(
              schema = @Schema(implementation = ConversionResponse.class),
              examples =
                  @ExampleObject(
                      name = "pending",
                      value =
                          "{\"id\":\"0190a5c2-7d3e-7c11-9a4b-3f2e1d0c9b8a\",\"status\":\"pending\","
                              + "\"opportunityId\":\"0190a5c2-7d3e-7c11-9a4b-3f2e1d0c9b8b\",\"accountId\":\"0190a5c2-7d3e-7c11-9a4b-3f2e1d0c9b8c\","
                              + "\"contactId\":\"0190a5c2-7d3e-7c11-9a4b-3f2e1d0c9b8d\",\"requestedAt\":\"2026-05-04T09:00:00Z\"}")))
  @APIResponse(responseCode = "409", description = "The lead has no pending conversion", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> republish(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the request is based on", example = "\"1\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
    Optional<Long> expectedVersion = Preconditions.expectedVersion(ifMatch);
    return commands
        .run(
            republishConversion,
            () -> new RepublishConversion.Command(id, expectedVersion, callers.get()),
            idempotent.key("republish-conversion:" + id, idempotencyKey, ""),
            lead -> Answer.of(200, Map.of(), LeadResponseMapper.toResponse(lead.conversion())))
        .map(IdempotentRequests::response);
  }

  private Answer qualified(Lead lead) {
    return IdempotentRequests.ok(
        new QualifyResponse(false, mapper.toResponse(lead), LeadResponseMapper.toResponse(lead.conversion()), null), lead.version());
  }

  /** The dry run's answer: the lead as it is, and what a qualify would do. */
  private Uni<Response> dryRun(QualifyLead.Result result) {
    Lead lead = result.lead();
    return matches
        .of(lead)
        .chain(found -> duplicates
            .candidates(lead.id(), lead.details(), callers.get())
            .map(candidates ->
                Response.ok(new QualifyResponse(true, mapper.toResponse(lead), null, conversions.preview(result.plan(), lead, found, DuplicateBodies.toResponse(candidates).items())))
                    .tag(Preconditions.etag(lead.version()))
                    .build()));
  }
}
