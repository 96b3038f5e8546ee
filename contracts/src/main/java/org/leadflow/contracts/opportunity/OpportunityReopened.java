package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code leadflow.opportunity.reopened.v1}: a won or lost opportunity of {@code
 * originatingLeadId} is Open / In Progress again; {@code previousState} and {@code
 * previousStatusReason} say how it had been closed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityReopened(
    UUID opportunityId,
    UUID originatingLeadId,
    String ownerId,
    String previousState,
    String previousStatusReason,
    String state,
    String statusReason,
    int statusReasonCode,
    String reopenedBy,
    Instant reopenedAt) {}
