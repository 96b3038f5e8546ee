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
    @Schema(
            description =
                "With estimatedValueSource lines, the sum of the lines' extended amounts (none without lines); with user,"
                    + " the value the seller set (or, from the conversion, the value stated at qualification or the lead's budget)")
        MoneyDto estimatedValue,
    @Schema(example = "2026-09-30") LocalDate estimatedCloseDate,
    List<OpportunityLineResponse> lines,
    Instant createdAt,
    @Schema(description = "Also the ETag") long version,
    @Schema(example = "Develop", enumeration = {"Qualify", "Develop", "Propose", "Close"}, description = "Stage of the sales process")
        String stage,
    @Schema(description = "When it entered its stage") Instant stageEnteredAt,
    @Schema(example = "40", minimum = "0", maximum = "100", description = "Percent; the stage's default unless the seller set another")
        int probability,
    @Schema(
            example = "lines",
            enumeration = {"lines", "user"},
            description = "lines: the estimated value is the sum of the lines (system-calculated); user: the seller set it")
        String estimatedValueSource,
    @Schema(example = "Replace the punched-card line by Easter") String description,
    @Schema(example = "Cut the tabulation backlog in half") String customerNeed,
    @Schema(example = "Two Difference Engines with on-site training") String proposedSolution,
    @Schema(example = "2026-08-15") LocalDate finalProposalDate,
    @Schema(description = "When won: the actual revenue") MoneyDto actualRevenue,
    @Schema(example = "2026-09-28", description = "When won or lost") LocalDate actualCloseDate,
    @Schema(example = "Babbage & Co", description = "When lost: to whom") String competitor,
    @Schema(description = "When won or lost: the seller's note on the close") String closeNote,
    @Schema(description = "When it was won or lost") Instant closedAt,
    Instant updatedAt) {

  /** One product line: a catalogue product (productId) or a write-in product. */
  @Schema(name = "OpportunityLine")
  public record OpportunityLineResponse(
      UUID id,
      @Schema(example = "1") int lineNumber,
      @Schema(example = "Difference Engine licence") String productName,
      @Schema(example = "2.5", description = "Decimal string") String quantity,
      @Schema(description = "Price per unit") MoneyDto unitPrice,
      @Schema(description = "The extended amount: (quantity × unitPrice − discount) + tax, in the currency's decimals") MoneyDto amount,
      @Schema(example = "Seats for the Manchester office") String description,
      @Schema(description = "Manual discount on quantity × unitPrice (zero when none)") MoneyDto discount,
      @Schema(description = "Tax added (zero when none)") MoneyDto tax,
      @Schema(description = "The catalogue product the line is of (GET /api/v1/products/{id}); absent for a write-in product")
          UUID productId) {}
}
