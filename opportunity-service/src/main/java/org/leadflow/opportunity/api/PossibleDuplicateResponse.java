package org.leadflow.opportunity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A record a conversion (or a user, by hand) created although an existing record of another owner
 * matched it.
 */
@Schema(name = "PossibleDuplicate")
public record PossibleDuplicateResponse(
    UUID id,
    @Schema(description = "What kind of record both are", enumeration = {"account", "contact"}, example = "contact") String recordType,
    @Schema(description = "The record the conversion or a user created") UUID recordId,
    @Schema(description = "The existing record of another owner that it matched; the conversion did not reuse it") UUID existingRecordId,
    @Schema(
            description = "The match keys they share: company-name, email-domain, website-domain for accounts; email, phone for contacts",
            example = "[\"email\"]")
        List<String> matchedBy,
    @Schema(description = "The created record's owner (the lead's)", example = "seller-carol") String ownerId,
    @Schema(description = "The existing record's owner", example = "seller-alice") String existingOwnerId,
    @Schema(description = "The lead whose conversion created the record; null for a record created or edited by hand") UUID originatingLeadId,
    @Schema(description = "The conversion that created the record; null for a record created or edited by hand") UUID conversionId,
    Instant detectedAt) {}
