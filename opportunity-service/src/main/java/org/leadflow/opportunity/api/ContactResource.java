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
import org.leadflow.opportunity.api.PageResponses.ContactPage;
import org.leadflow.opportunity.service.ContactQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "People, created from qualified leads or reused by them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class ContactResource {

  static final String CONTACT_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\","
          + "\"email\":\"ada.lovelace@analytical-engines.example\",\"phone\":\"+442079460123\",\"jobTitle\":\"CTO\","
          + "\"accountId\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\",\"ownerId\":\"seller-7\","
          + "\"originatingLeadId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"createdAt\":\"2026-05-04T09:15:00Z\",\"version\":0}";

  @Inject ContactQueries contacts;
  @Inject CurrentCaller callers;

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
}
