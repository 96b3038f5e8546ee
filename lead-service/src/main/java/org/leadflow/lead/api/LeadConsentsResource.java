package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.lead.service.LeadConsents;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

/** The consents a lead's person gave on web forms (docs/web-to-lead.md). */
@Path("/api/v1/leads/{id}/consents")
@Tag(name = "Web forms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER})
public class LeadConsentsResource {

  @Inject LeadConsents consents;
  @Inject CurrentCaller callers;

  @GET
  @Operation(operationId = "listLeadConsents", summary = "The consents recorded with a lead", description = "Each consent field a web form recorded: form, field, value, client address and time; oldest first.")
  @APIResponse(responseCode = "200", description = "The consents", content = @Content(schema = @Schema(implementation = WebFormBodies.Consents.class)))
  @APIResponse(responseCode = "404", description = "No such lead", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<WebFormBodies.Consents> list(@PathParam("id") UUID id) {
    return consents
        .of(id, callers.get())
        .map(found -> new WebFormBodies.Consents(
            found.stream().map(c -> new WebFormBodies.Consent(c.formId(), c.field(), c.value(), c.clientAddress(), c.recordedAt())).toList()));
  }
}
