package org.leadflow.opportunity.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The existing accounts and contacts a lead describes, best first. */
@Schema(name = "Matches")
public record MatchResponse(List<AccountMatch> accounts, List<ContactMatch> contacts) {

  @Schema(name = "AccountMatch")
  public record AccountMatch(
      UUID id,
      @Schema(example = "Analytical Engines Ltd") String name,
      @Schema(
              type = SchemaType.ARRAY,
              implementation = AccountMatchReason.class,
              description = "Why it matches",
              example = "[\"company-name\", \"email-domain\"]")
          List<String> matchedBy) {}

  /** What an account match was found by; for the OpenAPI document only. */
  @Schema(name = "AccountMatchReason", type = SchemaType.STRING, enumeration = {"company-name", "email-domain", "website-domain"})
  static final class AccountMatchReason {
    private AccountMatchReason() {}
  }

  @Schema(name = "ContactMatch")
  public record ContactMatch(
      UUID id,
      @Schema(description = "First and last name, else the email address", example = "Ada Lovelace") String name,
      @Schema(example = "ada.lovelace@analytical-engines.example") String email,
      @Schema(type = SchemaType.ARRAY, implementation = ContactMatchReason.class, description = "Why it matches", example = "[\"email\"]")
          List<String> matchedBy) {}

  /** What a contact match was found by; for the OpenAPI document only. */
  @Schema(name = "ContactMatchReason", type = SchemaType.STRING, enumeration = {"email", "phone"})
  static final class ContactMatchReason {
    private ContactMatchReason() {}
  }
}
