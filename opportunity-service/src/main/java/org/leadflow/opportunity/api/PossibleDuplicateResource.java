package org.leadflow.opportunity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.api.PageResponses.PossibleDuplicatePage;
import org.leadflow.opportunity.service.PossibleDuplicateQueries;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.Roles;

@Path("/api/v1/possible-duplicates")
@Tag(name = "Possible duplicates", description = "Records a conversion created beside a matching record of another owner")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SALES_MANAGER)
public class PossibleDuplicateResource {

  static final String POSSIBLE_DUPLICATE_EXAMPLE =
      "{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000009\",\"recordType\":\"contact\","
          + "\"recordId\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"existingRecordId\":\"0190f5c4-7d7a-7b5e-9a57-000000000007\","
          + "\"matchedBy\":[\"email\"],\"ownerId\":\"seller-carol\",\"existingOwnerId\":\"seller-alice\","
          + "\"originatingLeadId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e6f\",\"conversionId\":\"0190f5c1-2b3c-7d4e-8f50-1a2b3c4d5e70\","
          + "\"detectedAt\":\"2026-05-04T09:15:00Z\"}";

  @Inject PossibleDuplicateQueries duplicates;

  @GET
  @Operation(
      operationId = "listPossibleDuplicates",
      summary = "List possible duplicates",
      description =
          "A conversion reuses only accounts and contacts that the lead's owner may see. Where only another owner's record"
              + " matched the lead, it created a new record instead, and the pair is listed here for a sales manager to"
              + " decide whether they are one. Sales managers only. Paged, sorted and filtered; filters combine with AND.")
  @APIResponse(
      responseCode = "200",
      description = "One page of possible duplicates",
      content =
          @Content(
              schema = @Schema(implementation = PossibleDuplicatePage.class),
              examples =
                  @ExampleObject(
                      name = "page", value = "{\"items\":[" + POSSIBLE_DUPLICATE_EXAMPLE + "],\"page\":0,\"size\":50,\"total\":1}")))
  @APIResponse(
      responseCode = "400",
      description = "Invalid paging, sort or filter: one entry per offending parameter",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "Not a sales manager",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<PossibleDuplicatePage> list(@BeanParam PossibleDuplicateListParameters parameters) {
    return duplicates
        .list(parameters.toQuery())
        .map(
            page ->
                new PossibleDuplicatePage(
                    page.items().stream().map(ResponseMapper::possibleDuplicate).toList(), page.page(), page.size(), page.total()));
  }
}
