package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.application.Commands;
import org.leadflow.lead.application.CreateLead;
import org.leadflow.lead.application.EditLead;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadFields;
import org.leadflow.lead.service.EnrichmentQueries;
import org.leadflow.lead.service.LeadQueries;
import org.leadflow.web.FieldError;
import org.leadflow.web.InvalidRequestException;
import org.leadflow.web.MergePatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/leads")
@Tag(name = "Leads", description = "Capture, read, list and edit leads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadResource {

  static final String LEAD_EXAMPLE =
      "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"Analytical Engines Ltd\","
          + "\"email\":\"ada.lovelace@analytical-engines.example\",\"phone\":\"+44 20 7946 0123\","
          + "\"source\":\"Trade Show\",\"country\":\"GB\",\"numberOfEmployees\":250,"
          + "\"annualRevenue\":{\"amount\":\"12500000.00\",\"currency\":\"GBP\"},"
          + "\"attributes\":{\"campaign\":\"spring-expo\"},"
          + "\"qualification\":{\"budget\":{\"status\":\"Can Buy\",\"amount\":{\"amount\":\"50000.00\",\"currency\":\"GBP\"}}}}";

  static final String DUPLICATES_REFUSED =
      "A duplicate rule set to block found leads you may see; they are listed in the extension member duplicates";
  static final String DUPLICATES_EXAMPLE =
      "{\"type\":\"https://leadflow.org/problems/possible-duplicate\",\"title\":\"Possible duplicate\",\"status\":409,"
          + "\"detail\":\"1 lead may be the same person\",\"instance\":\"/api/v1/leads\",\"duplicates\":[{\"id\":\"01964f3c-5b1a-7c2e-9d4f-0a1b2c3d4e5f\","
          + "\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"companyName\":\"Analytical Engines Ltd\",\"email\":\"ada.lovelace@analytical-engines.example\","
          + "\"phone\":\"+442079460123\",\"state\":\"Open\",\"statusReason\":\"New\",\"ownerId\":\"alice\",\"matchedBy\":[\"email\",\"phone\"]}]}";

  /** How many leads a duplicate rule set to warn found, on a create and on an edit of what the rules compare. */
  static final String POSSIBLE_DUPLICATES = "LeadFlow-Possible-Duplicates";

  @Inject Commands commands;
  @Inject CreateLead createLead;
  @Inject EditLead editLead;
  @Inject LeadQueries leads;
  @Inject EnrichmentQueries enrichments;
  @Inject LeadMapper requests;
  @Inject LeadResponseMapper mapper;
  @Inject CurrentCaller callers;
  @Inject IdempotentRequests idempotent;
  @Inject ObjectMapper json;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.INTEGRATION})
  @Operation(
      operationId = "createLead",
      summary = "Create a lead",
      description = "The lead starts Open/New; leadflow.lead.created.v1 is published. A repeat with the same Idempotency-Key answers the first result.")
  @RequestBody(content = @Content(schema = @Schema(implementation = LeadInput.class), examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag set",
      headers = {
        @Header(name = POSSIBLE_DUPLICATES, description = "How many leads you may see a duplicate rule set to warn found (0: none)", schema = @Schema(type = SchemaType.INTEGER)),
        @Header(name = "Link", description = "When some were found: </api/v1/leads/{id}/duplicates>; rel=\"duplicates\"", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = LeadResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid lead: one entry per offending field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = DUPLICATES_REFUSED, content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicates", value = DUPLICATES_EXAMPLE)))
  @APIResponse(responseCode = "415", description = "Body is not JSON", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(
      @NotNull LeadInput request,
      @Parameter(description = "Makes retries safe: a repeat returns the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    return commands
        .run(
            createLead,
            () -> new CreateLead.Command(requests.toEdit(request), callers.get()),
            idempotent.key("create-lead", idempotencyKey, request),
            created ->
                IdempotentRequests.created(
                    uri.getAbsolutePathBuilder().path(created.lead().id().toString()).build(),
                    mapper.toResponse(created.lead()),
                    created.lead().version(),
                    possibleDuplicates(created.lead().id(), created.possibleDuplicates())))
        .map(IdempotentRequests::response);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getLead", summary = "Get a lead")
  @APIResponse(responseCode = "200", description = "The lead; ETag carries its version", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@PathParam("id") UUID id) {
    return leads
        .get(id, callers.get())
        .chain(lead -> enrichments.of(List.of(lead)).map(found -> Response.ok(mapper.toResponse(lead, found.get(lead.id())))
            .tag(Preconditions.etag(lead.version()))
            .build()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateLead",
      summary = "Edit a lead",
      description =
          "JSON Merge Patch (RFC 7386) of LeadInput: members present replace, null removes, objects"
              + " merge. Only an Open lead can be edited. Changed fields are published in"
              + " leadflow.lead.updated.v1 and kept in the lead's history.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = LeadInput.class),
              examples =
                  @ExampleObject(
                      name = "patch",
                      value = "{\"jobTitle\":\"CTO\",\"qualification\":{\"need\":{\"level\":\"Must Have\"}}}")))
  @APIResponse(
      responseCode = "200",
      description = "The edited lead; ETag carries its new version",
      headers = {
        @Header(name = POSSIBLE_DUPLICATES, description = "When the edit changed a name, company, email or phone: how many leads you may see a duplicate rule set to warn found", schema = @Schema(type = SchemaType.INTEGER)),
        @Header(name = "Link", description = "When some were found: </api/v1/leads/{id}/duplicates>; rel=\"duplicates\"", schema = @Schema(type = SchemaType.STRING))
      },
      content = @Content(schema = @Schema(implementation = LeadResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid result or unknown field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "409", description = "The lead is not Open; or " + DUPLICATES_REFUSED, content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicates", value = DUPLICATES_EXAMPLE)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> patch(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the edit is based on; 412 when stale", example = "\"3\"") @HeaderParam("If-Match") String ifMatch,
      @NotNull JsonNode patch) {
    if (!patch.isObject()) {
      throw new InvalidRequestException(List.of(new FieldError("body", "must be a JSON object")));
    }
    var edit = new EditLead.Command(id, Preconditions.expectedVersion(ifMatch), lead -> requests.toEdit(patched(lead, patch)), callers.get());
    return commands
        .run(editLead, edit)
        .map(edited -> {
          Response answer = ok(edited.lead());
          if (edited.possibleDuplicates() == null) {
            return answer;
          }
          Response.ResponseBuilder withDuplicates = Response.fromResponse(answer);
          possibleDuplicates(edited.lead().id(), edited.possibleDuplicates()).forEach(withDuplicates::header);
          return withDuplicates.build();
        });
  }

  @GET
  @Operation(
      operationId = "listLeads",
      summary = "List leads",
      description =
          "Paged, sorted and filtered; filters combine with AND. Page by number (page=, by offset) or, for deep paging, by"
              + " cursor (cursor= from the previous page's nextCursor, with the same filters and sort), which reads from"
              + " where the last page ended whatever the depth. total is exact up to leadflow.leads.list.exact-total-limit"
              + " (default 10,000) matching leads and an estimate above it (totalIsEstimate: true) unless exactTotal=true.")
  @APIResponse(responseCode = "200", description = "One page of leads", content = @Content(schema = @Schema(implementation = LeadPage.class)))
  @APIResponse(responseCode = "400", description = "Invalid paging, sort or filter", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<LeadPage> list(@Valid @BeanParam LeadListParameters parameters) {
    return leads
        .list(parameters.toQuery(), callers.get())
        .chain(page -> enrichments.of(page.items()).map(found -> new LeadPage(
            page.items().stream().map(lead -> mapper.toResponse(lead, found.get(lead.id()))).toList(),
            page.page(),
            page.size(),
            page.total(),
            page.totalIsEstimate(),
            page.nextCursor())));
  }

  private LeadInput patched(Lead lead, JsonNode patch) {
    JsonNode merged = MergePatch.apply(json.valueToTree(LeadFields.nested(LeadFields.of(lead))), patch);
    LeadInput input;
    try {
      input = json.treeToValue(merged, LeadInput.class);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(List.of(Problems.fieldError(e)));
    }
    return input;
  }

  /** Header {@value #POSSIBLE_DUPLICATES} and a link to the lead's duplicates, when a warning rule found some. */
  static Map<String, String> possibleDuplicates(UUID id, int count) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(POSSIBLE_DUPLICATES, Integer.toString(count));
    if (count > 0) {
      headers.put(HttpHeaders.LINK, "</api/v1/leads/" + id + "/duplicates>; rel=\"duplicates\"");
    }
    return headers;
  }

  Response ok(Lead lead) {
    return Response.ok(mapper.toResponse(lead)).tag(Preconditions.etag(lead.version())).build();
  }

  /** One page of leads (docs/architecture.md, section REST conventions). */
  @Schema(name = "LeadPage")
  public record LeadPage(
      List<LeadResponse> items,
      @Schema(description = "The page number: the one asked for, or with a cursor the number of pages walked from the first (0)")
          int page,
      int size,
      @Schema(
              description =
                  "How many leads match the filters. Exact up to leadflow.leads.list.exact-total-limit (default 10,000)"
                      + " matching leads, or with exactTotal=true; above it the database's estimate, never below the limit + 1,"
                      + " and totalIsEstimate is true",
              example = "1234")
          long total,
      @Schema(description = "true: total is an estimate (more matching leads than the exact-total limit); false: it is exact", example = "false")
          boolean totalIsEstimate,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description =
                  "Where the next page starts (keyset paging): send it as cursor= with the same filters and sort. Absent on the"
                      + " last page. Opaque: its form may change; a cursor is meant for the list that gave it",
              example = "AQAAAAAAAAAAAQAAAAEAAAAAAAAAAAAAAAAAAAAAAwAAAABnF0bAAAAAAHf0XzDfAA3M")
          String nextCursor) {}
}
