package org.leadflow.lead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the opportunity made from the lead ended, as opportunity-service reported it. */
@Schema(name = "OpportunityOutcome")
public record OpportunityOutcomeResponse(
    @Schema(enumeration = {"won", "lost"}, example = "won") String result,
    @Schema(enumeration = {"Won", "Canceled", "Out-Sold"}, example = "Won") String statusReason,
    UUID opportunityId,
    @Schema(description = "On won: the revenue the deal brought") MoneyDto actualRevenue,
    @Schema(description = "On lost: who won instead, when known", example = "Globex") String competitor,
    LocalDate closeDate,
    @Schema(description = "When lead-service learnt it") Instant recordedAt) {}
