package org.leadflow.opportunity.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The existing accounts and contacts a lead describes, best first. */
@Schema(name = "Matches")
public record MatchResponse(List<AccountMatch> accounts, List<ContactMatch> contacts) {

  @Schema(name = "AccountMatch")
  public record AccountMatch(
      UUID id,
      @Schema(example = "Analytical Engines Ltd") String name,
      @Schema(
              description = "Why it matches",
              example = "[\"company-name\", \"email-domain\"]",
              enumeration = {"company-name", "email-domain", "website-domain"})
          List<String> matchedBy) {}

  @Schema(name = "ContactMatch")
  public record ContactMatch(
      UUID id,
      @Schema(description = "First and last name, else the email address", example = "Ada Lovelace") String name,
      @Schema(example = "ada.lovelace@analytical-engines.example") String email,
      @Schema(description = "Why it matches", example = "[\"email\"]", enumeration = {"email", "phone"}) List<String> matchedBy) {}
}
