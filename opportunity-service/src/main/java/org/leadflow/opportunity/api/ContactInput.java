package org.leadflow.opportunity.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as a user creates it, and the document a merge patch of a contact applies to. */
@Schema(name = "ContactInput")
public record ContactInput(
    @Schema(example = "Ada") String firstName,
    @Schema(example = "Lovelace", description = "A first name, a last name or an email is required") String lastName,
    @Schema(example = "ada.lovelace@analytical-engines.example", description = "Kept lower-case") String email,
    @Schema(example = "+44 20 7946 0123", description = "Kept in E.164 when it is a valid number") String phone,
    @Schema(example = "CTO") String jobTitle,
    @Schema(description = "Required: the account the contact works for, one the caller may see") UUID accountId,
    @Schema(
            example = "seller-7",
            description = "The owner: the creator when left out; only a sales manager names another owner (reassignment)")
        String ownerId) {}
