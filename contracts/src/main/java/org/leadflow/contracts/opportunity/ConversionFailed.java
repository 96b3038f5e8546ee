package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code leadflow.opportunity.conversion-failed.v1}: nothing was created for the qualified
 * lead. {@code reason} is a stable code (e.g. {@code account-not-found}); {@code detail} is for people.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConversionFailed(
    UUID originatingLeadId,
    UUID conversionId,
    UUID opportunityId,
    String reason,
    String detail,
    Instant failedAt) {}
