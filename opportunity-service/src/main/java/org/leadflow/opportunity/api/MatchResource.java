package org.leadflow.opportunity.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.leadflow.opportunity.domain.AccountMatchedBy;
import org.leadflow.opportunity.domain.ContactMatchedBy;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.service.MatchFinder;
import org.leadflow.opportunity.service.Viewer;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.CurrentCaller;
import org.leadflow.web.security.Roles;

@Path("/api/v1/matches")
@Tag(name = "Matches", description = "Existing accounts and contacts a lead would be converted into")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SELLER, Roles.SALES_MANAGER, Roles.INTEGRATION})
public class MatchResource {

  @Inject MatchFinder matches;
  @Inject CurrentCaller callers;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "findMatches",
      summary = "Find existing accounts and contacts",
      description =
          "The accounts and contacts a conversion of a lead with these details would reuse, best first"
              + " (a conversion takes the first of each). Accounts match by company name (case, punctuation"
              + " and legal forms such as Ltd, GmbH, Inc, LLC, SA, BV ignored) or by the domain of the website"
              + " or email address (free-mail domains such as gmail.com never match); contacts match by email"
              + " address (ignoring case) or phone number (E.164). Values that cannot be matched (a website"
              + " without a host, a phone number without country code, no member at all) are left out, as a"
              + " conversion leaves them out, and match nothing. Only records the viewer may see are answered:"
              + " the caller's own view (a sales manager sees every record; a seller those they own or that one of"
              + " their opportunities is linked to), or with ownerId the named owner's view by the seller's rule,"
              + " which is exactly what that owner's conversion may reuse. Reads only; lead-service's qualify dry"
              + " run calls it with the lead's owner. At most " + MatchFinder.LIMIT + " of each.")
  @RequestBody(
      content =
          @Content(
              schema = @Schema(implementation = MatchRequest.class),
              examples =
                  @ExampleObject(
                      name = "lead",
                      value =
                          "{\"companyName\":\"Analytical Engines Limited\",\"website\":\"www.analytical-engines.example\","
                              + "\"email\":\"Ada.Lovelace@analytical-engines.example\",\"phone\":\"+44 20 7946 0123\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The matches; empty lists when there are none",
      content =
          @Content(
              schema = @Schema(implementation = MatchResponse.class),
              examples =
                  @ExampleObject(
                      name = "matches",
                      value =
                          "{\"accounts\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000002\",\"name\":\"Analytical Engines Ltd\","
                              + "\"matchedBy\":[\"company-name\",\"email-domain\",\"website-domain\"]}],"
                              + "\"contacts\":[{\"id\":\"0190f5c4-7d7a-7b5e-9a57-000000000003\",\"name\":\"Ada Lovelace\","
                              + "\"email\":\"ada.lovelace@analytical-engines.example\",\"matchedBy\":[\"email\",\"phone\"]}]}")))
  @APIResponse(
      responseCode = "400",
      description = "Malformed JSON, an unknown member, or a member longer than allowed",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "A seller named another owner in ownerId",
      content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
  public Uni<MatchResponse> find(@Valid @NotNull MatchRequest request) {
    Viewer viewer = viewer(request.ownerId(), callers.get());
    // What cannot be matched is left out, exactly as a conversion of the same lead leaves it out.
    return matches
        .find(MatchProbe.of(request.companyName(), request.website(), request.email(), request.phone()), viewer)
        .map(MatchResource::response);
  }

  /**
   * The caller's own view, or the named owner's, which only those who assign owners may take: as
   * lead-service refuses a seller naming another owner, this names it a 403.
   */
  private static Viewer viewer(String ownerId, Caller caller) {
    if (ownerId == null || ownerId.isBlank()) {
      return Viewer.of(caller);
    }
    if (!ownerId.equals(caller.id()) && !caller.mayAssignOwners()) {
      throw new ActionForbiddenException("Only a sales manager or an integration may look for matches as another owner");
    }
    return Viewer.owner(ownerId);
  }

  static MatchResponse response(MatchFinder.Matches found) {
    return new MatchResponse(
        found.accounts().stream()
            .map(
                match ->
                    new MatchResponse.AccountMatch(
                        match.account().id(),
                        match.account().name(),
                        match.matchedBy().stream().map(AccountMatchedBy::code).toList()))
            .toList(),
        found.contacts().stream()
            .map(
                match ->
                    new MatchResponse.ContactMatch(
                        match.contact().id(),
                        match.contact().fullName(),
                        match.contact().email(),
                        match.matchedBy().stream().map(ContactMatchedBy::code).toList()))
            .toList());
  }
}
