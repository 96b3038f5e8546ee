package org.leadflow.opportunity.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contact as the API shows it. */
@Schema(name = "Contact")
public record ContactResponse(
    UUID id,
    @Schema(example = "Ada") String firstName,
    @Schema(example = "Lovelace") String lastName,
    @Schema(example = "ada.lovelace@analytical-engines.example", description = "Lower-case") String email,
    @Schema(example = "+442079460123", description = "E.164") String phone,
    @Schema(example = "CTO") String jobTitle,
    UUID accountId,
    String ownerId,
    @Schema(description = "The lead whose conversion created the contact") UUID originatingLeadId,
    Instant createdAt,
    @Schema(description = "Also the ETag") long version) {}
