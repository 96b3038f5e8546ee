package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code leadflow.opportunity.lost.v1}: the opportunity of {@code originatingLeadId} was
 * closed as lost (state Lost, status reason Canceled 4 or Out-Sold 5), to a competitor or not.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityLost(
    UUID opportunityId,
    UUID originatingLeadId,
    String ownerId,
    String state,
    String statusReason,
    int statusReasonCode,
    String competitor,
    String note,
    LocalDate actualCloseDate,
    String stage,
    String closedBy,
    Instant lostAt) {}
