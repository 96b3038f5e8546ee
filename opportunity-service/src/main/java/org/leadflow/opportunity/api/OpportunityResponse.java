package org.leadflow.opportunity.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An opportunity as the API shows it, with its lines. */
@Schema(name = "Opportunity")
public record OpportunityResponse(
    @Schema(description = "The id lead-service chose when the lead was qualified") UUID id,
    @Schema(example = "Analytical Engines Ltd") String name,
    @Schema(description = "The qualified lead this opportunity was made from") UUID originatingLeadId,
    @Schema(description = "The conversion (qualify call) that made it") UUID conversionId,
    @Schema(description = "The account, when one was created or reused") UUID accountId,
    @Schema(description = "The contact, when one was created or reused") UUID contactId,
    String ownerId,
    @Schema(example = "Open", enumeration = {"Open", "Won", "Lost"}) String state,
    @Schema(example = "In Progress", enumeration = {"In Progress", "On Hold", "Won", "Canceled", "Out-Sold"})
        String statusReason,
    @Schema(example = "1", description = "Dynamics 365 status code: 1 In Progress, 2 On Hold, 3 Won, 4 Canceled, 5 Out-Sold")
        int statusReasonCode,
    @Schema(description = "Sum of the lines when there are lines; else the value stated at qualification, else the lead's budget")
        MoneyDto estimatedValue,
    @Schema(example = "2026-09-30") LocalDate estimatedCloseDate,
    List<OpportunityLineResponse> lines,
    Instant createdAt,
    @Schema(description = "Also the ETag") long version) {

  /** One product line. */
  @Schema(name = "OpportunityLine")
  public record OpportunityLineResponse(
      UUID id,
      @Schema(example = "1") int lineNumber,
      @Schema(example = "Difference Engine licence") String productName,
      @Schema(example = "2.5", description = "Decimal string") String quantity,
      MoneyDto unitPrice,
      @Schema(description = "quantity × unitPrice, rounded half up to two decimals") MoneyDto amount) {}
}
