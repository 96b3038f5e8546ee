package org.leadflow.opportunity.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account as a user creates it, and the document a merge patch of an account applies to. */
@Schema(name = "AccountInput")
public record AccountInput(
    @Schema(example = "Analytical Engines Ltd", description = "Required; at most 200 characters") String name,
    @Schema(example = "https://analytical-engines.example", description = "Must name an internet host") String website,
    @Schema(example = "Manufacturing") String industry,
    @Schema(example = "250", minimum = "0") Integer numberOfEmployees,
    @Schema(description = "At most the decimals of its currency by ISO 4217 (JPY 0, EUR 2, KWD 3)") MoneyDto annualRevenue,
    @Schema(example = "GB", description = "ISO 3166-1 alpha-2") String country,
    @Schema(example = "London") String city,
    @Schema(example = "+44 20 7946 0123", description = "Kept in E.164 when it is a valid number") String phone,
    @Schema(example = "analytical-engines.example", description = "The organisation's email domain; never a free-mail domain") String emailDomain,
    @Schema(
            example = "seller-7",
            description = "The owner: the creator when left out; only a sales manager names another owner (reassignment)")
        String ownerId) {}
