package org.leadflow.opportunity.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as the API shows it. */
@Schema(name = "Account")
public record AccountResponse(
    UUID id,
    @Schema(example = "Analytical Engines Ltd") String name,
    @Schema(example = "https://analytical-engines.example") String website,
    String industry,
    Integer numberOfEmployees,
    MoneyDto annualRevenue,
    @Schema(example = "GB", description = "ISO 3166-1 alpha-2") String country,
    String city,
    @Schema(example = "+442079460123") String phone,
    @Schema(example = "analytical-engines.example", description = "The organisation's email domain (never a free-mail domain)")
        String emailDomain,
    String ownerId,
    @Schema(description = "The lead whose conversion created the account") UUID originatingLeadId,
    Instant createdAt,
    @Schema(description = "Also the ETag") long version) {}
