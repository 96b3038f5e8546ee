package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.leadflow.contracts.Money;

/**
 * Data of {@code leadflow.opportunity.won.v1}: the opportunity of {@code originatingLeadId} was
 * closed as won (state Won, status reason Won, code 3), with its actual revenue and close date.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityWon(
    UUID opportunityId,
    UUID originatingLeadId,
    String ownerId,
    String state,
    String statusReason,
    int statusReasonCode,
    Money actualRevenue,
    LocalDate actualCloseDate,
    Money estimatedValue,
    String stage,
    String closedBy,
    Instant wonAt) {}
