package org.leadflow.lead.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The lead's latest conversion into an opportunity. */
@Schema(name = "Conversion")
public record ConversionResponse(
    UUID id,
    @Schema(enumeration = {"pending", "completed", "failed"}, example = "pending") String status,
    UUID opportunityId,
    UUID accountId,
    UUID contactId,
    @Schema(description = "On failed: a stable code", example = "account-not-found") String failureReason,
    String failureDetail,
    Instant requestedAt,
    Instant resolvedAt) {}
