package org.leadflow.opportunity.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is known about a lead's organisation and person, to find existing accounts and contacts, and
 * whose view to look through.
 */
@Schema(name = "MatchRequest", description = "What a lead says; every member is optional")
public record MatchRequest(
    @Size(max = 200) @Schema(example = "Analytical Engines Limited") String companyName,
    @Size(max = 500) @Schema(example = "https://www.analytical-engines.example") String website,
    @Size(max = 254) @Schema(example = "ada.lovelace@analytical-engines.example") String email,
    @Size(max = 40) @Schema(example = "+44 20 7946 0123", description = "International format, with the country code") String phone,
    @Size(max = 100)
        @Schema(
            example = "seller-7",
            description =
                "Look as this owner would (the lead's owner): only the records their conversion may reuse, the ones they own"
                    + " or that one of their opportunities is linked to. Sellers may name only themselves; sales managers and"
                    + " integrations anyone. Without it, the caller's own view: a sales manager sees every record, a seller"
                    + " those they own or are linked to.")
        String ownerId) {}
