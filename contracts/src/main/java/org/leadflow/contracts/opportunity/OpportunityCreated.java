package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.leadflow.contracts.Money;

/**
 * Data of {@code leadflow.opportunity.created.v1}. {@code accountCreated}/{@code contactCreated}
 * tell whether the account and contact were made for this conversion or existing ones were reused.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityCreated(
    UUID opportunityId,
    UUID originatingLeadId,
    UUID conversionId,
    String name,
    String ownerId,
    UUID accountId,
    boolean accountCreated,
    UUID contactId,
    boolean contactCreated,
    Money estimatedValue,
    LocalDate estimatedCloseDate,
    String state,
    String statusReason,
    Instant createdAt) {}
