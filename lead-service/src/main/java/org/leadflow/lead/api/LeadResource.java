package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.service.LeadService;

@Path("/api/v1/leads")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

  @Inject LeadService leads;
  @Inject LeadMapper mapper;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a lead", description = "The lead starts Open/New; a leadflow.lead.created.v1 event is published.")
  @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
  @APIResponse(responseCode = "400", description = "Invalid lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "415", description = "Not JSON", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> create(@Valid @NotNull CreateLeadRequest request, @Context UriInfo uri) {
    return leads
        .capture(mapper.toDetails(request), null)
        .map(
            lead ->
                Response.created(uri.getAbsolutePathBuilder().path(lead.id().toString()).build())
                    .tag(etag(lead))
                    .entity(mapper.toResponse(lead))
                    .build());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Get a lead")
  @APIResponse(responseCode = "200", description = "The lead; ETag carries its version", content = @Content(schema = @Schema(implementation = LeadResponse.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<Response> get(@PathParam("id") UUID id) {
    return leads
        .get(id)
        .map(lead -> Response.ok(mapper.toResponse(lead)).tag(etag(lead)).build());
  }

  @GET
  @Operation(summary = "List leads", description = "Paged, sorted and filtered.")
  @APIResponse(responseCode = "200", description = "One page of leads")
  @APIResponse(responseCode = "400", description = "Invalid paging, sort or filter", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<PageResponse<LeadResponse>> list(@Valid @BeanParam LeadListParameters parameters) {
    return leads
        .list(parameters.toQuery())
        .map(
            page ->
                new PageResponse<>(
                    page.items().stream().map(mapper::toResponse).toList(),
                    page.page(),
                    page.size(),
                    page.total()));
  }

  static EntityTag etag(Lead lead) {
    return new EntityTag(Long.toString(lead.version()));
  }
}
