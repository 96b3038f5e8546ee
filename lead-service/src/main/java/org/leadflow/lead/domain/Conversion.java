package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The lead's latest conversion: pending until opportunity-service answers, then completed with the
 * records it made (or reused), or failed with its reason.
 */
public record Conversion(
    UUID id,
    ConversionStatus status,
    UUID opportunityId,
    UUID accountId,
    UUID contactId,
    String failureReason,
    String failureDetail,
    Instant requestedAt,
    Instant resolvedAt) {}
