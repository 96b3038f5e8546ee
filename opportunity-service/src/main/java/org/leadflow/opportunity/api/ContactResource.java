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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.api.PageResponses.ContactPage;
import org.leadflow.opportunity.api.RecordHistoryResponse.RecordHistoryPage;
import org.leadflow.opportunity.service.ContactQueries;
import org.leadflow.opportunity.service.ContactService;
import org.leadflow.web.IdempotentRequests;
import org.leadflow.web.IfMatch;
import org.leadflow.web.MergePatch;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.QueryFlag;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "People: created by hand or from qualified leads (or reused by them), edited, and their history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class ContactResource {

  static final String CONTACT_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
          + "\"email\":\"ada.lovelace@analytical-engines.example\",\"phone\":\"+442079460123\",\"jobTitle\":\"CTO\","
          + "\"accountId\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\",\"ownerId\":\"seller-7\","
          + "\"originatingLeadId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"createdAt\":\"2026-05-04T09:15:00Z\",\"version\":0}";

  static final String CONTACT_INPUT_EXAMPLE =
      "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada.lovelace@analytical-engines.example\","
          + "\"phone\":\"+44 20 7946 0123\",\"jobTitle\":\"CTO\",\"accountId\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\"}";
  static final String DUPLICATES_EXAMPLE =
      "{\"type\":\"https://leadflow.org/problems/possible-duplicate\",\"title\":\"Possible duplicate\",\"status\":409,"
          + "\"detail\":\"Possible duplicate: 1 existing contact(s) you may see match it (listed in duplicates). Use one of them, or"
          + " repeat the request with allowDuplicate=true to keep it all the same.\",\"instance\":\"/api/v1/contacts\","
          + "\"duplicates\":{\"accounts\":[],\"contacts\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"name\":\"Ada Lovelace\",\"email\":\"ada.lovelace@analytical-engines.example\",\"matchedBy\":[\"email\"]}]}}";

  @Inject ContactQueries contacts;
  @Inject CurrentCaller callers;
  @Inject ContactService changes;
  @Inject IdempotentRequests idempotent;
  @Inject ObjectMapper json;

  @GET
  @Path("/{id}")
  @Operation(operationId = "getContact", summary = "Get a contact")
  @APIResponse(
      responseCode = "200",
      description = "The contact; ETag carries its version",
      content =
          @Content(
              schema = @Schema(implementation = ContactResponse.class),
              examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
  @APIResponse(
      responseCode = "404",
      description = "No such contact",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@Parameter(description = "Contact id (UUID)") @PathParam("id") UUID id) {
    return contacts.get(id, callers.get()).map(contact -> ResponseMapper.ok(ResponseMapper.contact(contact), contact.version()));
  }

  @GET
  @Operation(operationId = "listContacts", summary = "List contacts", description = "Paged, sorted and filtered; filters combine with AND.")
  @APIResponse(
      responseCode = "200",
      description = "One page of contacts",
      content =
          @Content(
              schema = @Schema(implementation = ContactPage.class),
              examples = @ExampleObject(name = "page", value = "{\"items\":[" + CONTACT_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<ContactPage> list(@BeanParam ContactListParameters parameters) {
    return contacts
        .list(parameters.toQuery(), callers.get())
        .map(page -> new ContactPage(page.items().stream().map(ResponseMapper::contact).toList(), page.page(), page.size(), page.total()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createContact",
      summary = "Create a contact",
      description =
          "Owned by the caller; only a sales manager names another ownerId. accountId is required and must name an account the caller may see. The same duplicate matching as"
              + " conversions (email or phone): when contacts the caller may see match, the answer is 409 listing them in"
              + " duplicates and nothing is created, unless the request says allowDuplicate=true. Records of other owners"
              + " are never named. Its history starts with an entry \"created\". A repeat with the same"
              + " Idempotency-Key answers the first result.")
  @RequestBody(content = @Content(schema = @Schema(implementation = ContactInput.class), examples = @ExampleObject(name = "contact", value = CONTACT_INPUT_EXAMPLE)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location and ETag set",
      content = @Content(schema = @Schema(implementation = ContactResponse.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid contact: the offending field is named (accountId when it names no account the caller may see)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A seller named another owner", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Possible duplicate: contacts the caller may see match; they are listed in the extension member duplicates (as POST /matches answers)",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicates", value = DUPLICATES_EXAMPLE)))
  @APIResponse(responseCode = "422", description = "Idempotency-Key already used for a different request", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(
      @NotNull ContactInput request,
      @Parameter(description = "Create it although contacts the caller may see match", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("allowDuplicate") String allowDuplicateParameter,
      @Parameter(description = "Makes retries safe: a repeat returns the first answer") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
      @Context UriInfo uri) {
    boolean allowDuplicate = QueryFlag.read("allowDuplicate", allowDuplicateParameter, false);
    return idempotent.run(
        "create-contact" + (allowDuplicate ? ":allow-duplicate" : ""),
        idempotencyKey,
        request,
        () ->
            changes
                .create(RecordInputs.contact(request), allowDuplicate, callers.get())
                .map(
                    created ->
                        Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                            .tag(IfMatch.etag(created.version()))
                            .entity(ResponseMapper.contact(created))
                            .build()));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "updateContact",
      summary = "Edit a contact",
      description =
          "JSON Merge Patch (RFC 7386) of ContactInput: members present replace, null removes. If-Match is required (428"
              + " without it, 412 when stale). Changing ownerId is a reassignment, a sales manager's alone. A new accountId must name an account the caller may see. When a"
              + " match key (email or phone) changes, contacts the caller may see that match give a 409 as on create, unless"
              + " allowDuplicate=true. Every changed field is kept in the history.")
  @RequestBody(
      content =
          @Content(
              mediaType = MergePatch.MEDIA_TYPE,
              schema = @Schema(implementation = ContactInput.class),
              examples = @ExampleObject(name = "patch", value = "{\"jobTitle\":\"Chief Engineer\",\"phone\":null}")))
  @APIResponse(
      responseCode = "200",
      description = "The edited contact; ETag carries its new version",
      content = @Content(schema = @Schema(implementation = ContactResponse.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "Invalid result or unknown field", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "403", description = "A seller changed the owner", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such contact (or one the caller may not see)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "Possible duplicate after a change of a match key; the candidates are in duplicates",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "duplicates", value = DUPLICATES_EXAMPLE)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version; the answer's ETag is the current one", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> patch(
      @Parameter(description = "Contact id (UUID)") @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the edit is based on; required", example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
      @Parameter(description = "Keep the change although contacts the caller may see match", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("allowDuplicate") String allowDuplicateParameter,
      @NotNull JsonNode patch) {
    boolean allowDuplicate = QueryFlag.read("allowDuplicate", allowDuplicateParameter, false);
    MergePatch.object(patch);
    long expected = IfMatch.required(ifMatch);
    return changes
        .edit(
            id,
            expected,
            current -> RecordInputs.contact(RecordInputs.patched(json, RecordInputs.input(current), patch, ContactInput.class)),
            allowDuplicate,
            callers.get())
        .map(contact -> ResponseMapper.ok(ResponseMapper.contact(contact), contact.version()));
  }

  @GET
  @Path("/{id}/history")
  @Operation(
      operationId = "listContactHistory",
      summary = "A contact's audit history, newest first",
      description =
          "Who changed what and when: one entry per creation or edit, with each changed field's old and new value."
              + " Contacts created by a conversion have entries from their first edit on.")
  @APIResponse(
      responseCode = "200",
      description = "One page of history entries",
      content =
          @Content(
              schema = @Schema(implementation = RecordHistoryPage.class),
              examples =
                  @ExampleObject(
                      name = "history",
                      value =
                          "{\"items\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000021\",\"occurredAt\":\"2026-05-06T10:00:00Z\","
                              + "\"actor\":{\"id\":\"seller-7\",\"name\":\"Ada Lovelace\"},\"action\":\"updated\",\"changes\":["
                              + "{\"field\":\"jobTitle\",\"oldValue\":\"CTO\",\"newValue\":\"Chief Engineer\"}" + "]}],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such contact (or one the caller may not see)", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<RecordHistoryPage> history(@Parameter(description = "Contact id (UUID)") @PathParam("id") UUID id, @BeanParam Paging paging) {
    PageParameters page = PageParameters.read(paging.page, paging.size);
    return changes
        .history(id, page.page(), page.size(), callers.get())
        .map(found -> new RecordHistoryPage(found.items().stream().map(RecordHistoryMapper::response).toList(), found.page(), found.size(), found.total()));
  }
}
