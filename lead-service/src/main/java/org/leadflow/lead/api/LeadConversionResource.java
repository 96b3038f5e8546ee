package org.leadflow.lead.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.leadflow.lead.client.OpportunityServiceClient;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadAction;
import org.leadflow.lead.domain.LeadLifecycle;
import org.leadflow.lead.service.LeadService;
import org.leadflow.lead.service.StaleVersionException;
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

  private static final Logger LOG = Logger.getLogger(LeadConversionResource.class);
  private static final Duration MATCHES_TIMEOUT = Duration.ofSeconds(3);
  private static final String QUALIFY_EXAMPLE =
      "{\"createAccount\":true,\"createContact\":true,\"createOpportunity\":true,"
          + "\"opportunity\":{\"name\":\"Analytical Engines: 200 seats\",\"estimatedCloseDate\":\"2027-03-31\","
          + "\"lines\":[{\"productName\":\"LeadFlow seat licence\",\"quantity\":\"200\",\"unitPrice\":{\"amount\":\"45.00\",\"currency\":\"EUR\"}}]}}";

  @Inject LeadService leads;
  @Inject LeadMapper mapper;
  @Inject ConversionPlanner planner;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;
  @Inject ObjectMapper json;
  @Inject @RestClient OpportunityServiceClient opportunityService;
  /** The caller's token, passed on to opportunity-service with the dry run's question. */
  @Inject JsonWebToken token;

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
              + " reused, and changes nothing.")
  @RequestBody(content = @Content(schema = @Schema(implementation = QualifyRequest.class), examples = {
      @ExampleObject(name = "with lines", value = QUALIFY_EXAMPLE),
      @ExampleObject(name = "dry run", value = "{\"dryRun\":true}")}))
  @APIResponse(responseCode = "200", description = "Qualified, conversion pending (or the dry run's preview); ETag is the lead's new version", content = @Content(schema = @Schema(implementation = QualifyResponse.class)))
  @APIResponse(responseCode = "409", description = "The lead is not Open", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> qualify(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the qualification is based on", example = "\"2\"") @HeaderParam("If-Match") String ifMatch,
      @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @NotNull QualifyRequest request) {
    planner.check(request);
    Optional<Long> expectedVersion = Preconditions.expectedVersion(ifMatch);
    if (request.dryRun()) {
      return leads.get(id, callers.get()).chain(lead -> dryRun(lead, expectedVersion, request));
    }
    return idempotent.run(
        "qualify:" + id,
        idempotencyKey,
        request,
        () ->
            leads
                .qualify(id, expectedVersion, lead -> planner.plan(request, lead), write(request), callers.get())
                .map(this::qualified));
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
    if (request != null) {
      planner.check(request);
    }
    Optional<Long> expectedVersion = Preconditions.expectedVersion(ifMatch);
    return idempotent.run(
        "retry-conversion:" + id,
        idempotencyKey,
        request == null ? "" : request,
        () ->
            leads
                .retryConversion(
                    id,
                    expectedVersion,
                    lead -> request != null ? planner.plan(request, lead) : planAgain(lead),
                    request != null ? write(request) : null,
                    callers.get())
                .map(this::qualified));
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
    return idempotent.run(
        "republish-conversion:" + id,
        idempotencyKey,
        "",
        () ->
            leads
                .republishConversion(
                    id, expectedVersion, lead -> planner.current(read(lead.conversionRequest()), lead), callers.get())
                .map(lead -> Response.ok(LeadMapper.toResponse(lead.conversion())).build()));
  }

  private Response qualified(Lead lead) {
    return Response.ok(new QualifyResponse(false, mapper.toResponse(lead), LeadMapper.toResponse(lead.conversion()), null))
        .tag(Preconditions.etag(lead.version()))
        .build();
  }

  private Uni<Response> dryRun(Lead lead, Optional<Long> expectedVersion, QualifyRequest request) {
    expectedVersion.ifPresent(expected -> {
      if (expected != lead.version()) {
        throw new StaleVersionException(expected, lead.version());
      }
    });
    LeadLifecycle.require(lead.statusReason(), LeadAction.QUALIFY);
    ConversionPlan plan = planner.plan(request, lead);
    var details = lead.details();
    return opportunityService
        .matches(
            new OpportunityServiceClient.MatchRequest(
                details.companyName(), details.website(), details.email(), details.phone(), lead.ownerId()),
            "Bearer " + token.getRawToken())
        .ifNoItem().after(MATCHES_TIMEOUT).fail()
        .map(
            found ->
                new QualifyResponse.Matches(
                    true,
                    null,
                    found.accounts() == null ? List.of() : found.accounts().stream().map(a -> new QualifyResponse.AccountMatch(a.id(), a.name(), a.matchedBy())).toList(),
                    found.contacts() == null ? List.of() : found.contacts().stream().map(c -> new QualifyResponse.ContactMatch(c.id(), c.name(), c.email(), c.matchedBy())).toList()))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("Dry run of lead %s without matches: %s", lead.id(), failure.toString());
              return new QualifyResponse.Matches(
                  false,
                  "opportunity-service could not be asked for existing accounts and contacts; a qualify still works and it will match them then",
                  List.of(),
                  List.of());
            })
        .map(
            matches ->
                Response.ok(new QualifyResponse(true, mapper.toResponse(lead), null, planner.preview(plan, lead, matches)))
                    .tag(Preconditions.etag(lead.version()))
                    .build());
  }

  /** The plan of the lead's stored request, checked again: it may predate a rule opportunity-service applies. */
  private ConversionPlan planAgain(Lead lead) {
    QualifyRequest stored = read(lead.conversionRequest());
    planner.check(stored);
    return planner.plan(stored, lead);
  }

  private String write(QualifyRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A qualify request is always writable as JSON", e);
    }
  }

  private QualifyRequest read(String request) {
    try {
      return request == null ? new QualifyRequest(null, null, null, null, null, null, false) : json.readValue(request, QualifyRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The stored qualify request is not readable", e);
    }
  }
}
