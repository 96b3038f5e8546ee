package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.leadflow.lead.application.WebFormAdministration;
import org.leadflow.web.PageParameters;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.Roles;

/** Web forms, an admin's (docs/web-to-lead.md): each has a public capture endpoint that creates leads with source Web. */
@Path("/api/v1/web-forms")
@Tag(name = "Web forms", description = "Web-to-lead: the forms and their public capture endpoint")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebFormsResource {

  static final String EXAMPLE =
      "{\"name\":\"Contact us\",\"allowedOrigins\":[\"https://www.example.com\"],"
          + "\"fields\":{\"first_name\":\"firstName\",\"last_name\":\"lastName\",\"company\":\"companyName\",\"email\":\"email\",\"utm_campaign\":\"attributes.campaign\"},"
          + "\"requiredFields\":[\"lastName\",\"email\"],\"consentFields\":[\"consent_marketing\"],\"honeypotField\":\"website_url\","
          + "\"redirectUrl\":\"https://www.example.com/thank-you\",\"rateLimits\":{\"perForm\":500,\"perAddress\":20,\"window\":\"PT1H\"}}";

  @Inject WebFormAdministration forms;

  @GET
  @Operation(operationId = "listWebForms", summary = "List the web forms", description = "Oldest first, with their keys and what each captured.")
  @APIResponse(responseCode = "200", description = "One page of forms", content = @Content(schema = @Schema(implementation = WebFormBodies.FormPage.class)))
  @APIResponse(responseCode = "400", description = "page or size out of range", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<WebFormBodies.FormPage> list(
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0")) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50", minimum = "1", maximum = "200")) String size) {
    PageParameters paging = PageParameters.read(page, size);
    return forms
        .list(paging.page(), paging.size())
        .map(found -> new WebFormBodies.FormPage(found.items().stream().map(WebFormBodies::toResponse).toList(), paging.page(), paging.size(), found.total()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWebForm",
      summary = "Create a web form",
      description = "Answers the form with its key and capture URL (POST there from the page, see docs/web-to-lead.md).")
  @RequestBody(content = @Content(schema = @Schema(implementation = WebFormBodies.Input.class), examples = @ExampleObject(name = "contact form", value = EXAMPLE)))
  @APIResponse(responseCode = "201", description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = WebFormBodies.Response.class)))
  @APIResponse(responseCode = "400", description = "Invalid settings: one entry per offending member", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(@Valid @NotNull WebFormBodies.Input input, @Context UriInfo uri) {
    var settings = WebFormBodies.settings(input);
    return forms
        .create(settings)
        .map(form -> Response.created(uri.getAbsolutePathBuilder().path(form.id().toString()).build())
            .tag(Preconditions.etag(form.version()))
            .entity(WebFormBodies.toResponse(form))
            .build());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getWebForm", summary = "Get a web form")
  @APIResponse(responseCode = "200", description = "The form; ETag carries its version", content = @Content(schema = @Schema(implementation = WebFormBodies.Response.class)))
  @APIResponse(responseCode = "404", description = "No such form", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@PathParam("id") UUID id) {
    return forms.get(id).map(form -> Response.ok(WebFormBodies.toResponse(form)).tag(Preconditions.etag(form.version())).build());
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "replaceWebForm", summary = "Replace a web form's settings", description = "Every setting at once; rotateKey gives it a new key.")
  @RequestBody(content = @Content(schema = @Schema(implementation = WebFormBodies.Input.class), examples = @ExampleObject(name = "contact form", value = EXAMPLE)))
  @APIResponse(responseCode = "200", description = "The form as it is now; ETag carries its version", content = @Content(schema = @Schema(implementation = WebFormBodies.Response.class)))
  @APIResponse(responseCode = "400", description = "Invalid settings: one entry per offending member", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such form", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "412", description = "If-Match names an old version", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> replace(
      @PathParam("id") UUID id,
      @Parameter(in = ParameterIn.HEADER, description = "ETag the change is based on", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull WebFormBodies.Input input) {
    var settings = WebFormBodies.settings(input);
    return forms
        .replace(id, Preconditions.expectedVersion(ifMatch), settings, Boolean.TRUE.equals(input.rotateKey()))
        .map(form -> Response.ok(WebFormBodies.toResponse(form)).tag(Preconditions.etag(form.version())).build());
  }

  @DELETE
  @Path("/{id}")
  @Operation(operationId = "deleteWebForm", summary = "Delete a web form", description = "Its capture endpoint answers 404 from then on; the leads and consents it captured stay.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such form", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> delete(@PathParam("id") UUID id) {
    return forms.delete(id).map(deleted -> Response.noContent().build());
  }
}
