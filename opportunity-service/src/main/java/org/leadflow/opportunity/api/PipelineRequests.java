package org.leadflow.opportunity.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the opportunity's pipeline: edits, stage moves, lines, closing, stage settings. */
public final class PipelineRequests {

  private PipelineRequests() {}

  /** What a seller edits; as a JSON Merge Patch, only the members to change. */
  @Schema(name = "OpportunityEdit")
  public record Edit(
      @Schema(example = "Analytical Engines: 200 seats", maxLength = 300) String name,
      @Schema(maxLength = 4000) String description,
      @Schema(example = "2026-09-30") LocalDate estimatedCloseDate,
      @Schema(example = "55", minimum = "0", maximum = "100", description = "Percent; the stage's default until changed")
          Integer probability,
      @Schema(description = "Setting it makes the value user-provided (estimatedValueSource user)") MoneyDto estimatedValue,
      @Schema(
              example = "lines",
              enumeration = {"lines", "user"},
              description = "lines: the estimated value follows the lines (system-calculated); user: the seller's value")
          String estimatedValueSource,
      @Schema(maxLength = 4000) String customerNeed,
      @Schema(maxLength = 4000) String proposedSolution,
      @Schema(example = "2026-08-15") LocalDate finalProposalDate,
      @Schema(maxLength = 100, description = "Only a sales manager gives the opportunity to another owner") String ownerId) {}

  /** Where the opportunity is to go. */
  @Schema(name = "MoveStageRequest")
  public record MoveStage(
      @NotNull @Schema(required = true, example = "Develop", enumeration = {"Qualify", "Develop", "Propose", "Close"}) String stage) {}

  /** Closing as won. */
  @Schema(name = "WinOpportunityRequest")
  public record Win(
      @Schema(description = "Default: the estimated value; in the opportunity's currency") MoneyDto actualRevenue,
      @Schema(example = "2026-09-28", description = "Default: today (UTC)") LocalDate actualCloseDate,
      @Schema(maxLength = 4000) String note) {}

  /** Closing as lost. */
  @Schema(name = "LoseOpportunityRequest")
  public record Lose(
      @NotNull @Schema(required = true, example = "Out-Sold", enumeration = {"Canceled", "Out-Sold"}) String statusReason,
      @Schema(example = "Babbage & Co", maxLength = 200) String competitor,
      @Schema(maxLength = 4000) String note,
      @Schema(example = "2026-09-28", description = "Default: today (UTC)") LocalDate actualCloseDate) {}

  /**
   * A line of a catalogue product (productId) or a write-in product; as a JSON Merge Patch, only the
   * members to change.
   */
  @Schema(name = "OpportunityLineInput")
  public record Line(
      @Schema(
              example = "Difference Engine licence",
              maxLength = 200,
              description = "Required for a write-in product; for a catalogue product, its name unless given")
          String productName,
      @Schema(maxLength = 2000) String description,
      @Schema(example = "2.5", pattern = PipelineInputs.QUANTITY_PATTERN, description = "Decimal string, positive, at most 15 digits before the point and 4 after")
          String quantity,
      @Schema(
              description =
                  "Price per unit, in the opportunity's currency. Required for a write-in product; for a catalogue product,"
                      + " its catalogue price in the opportunity's currency unless given (in its only currency while the"
                      + " opportunity has none)")
          MoneyDto unitPrice,
      @Schema(description = "Manual discount on quantity × unitPrice; at most that, in the same currency") MoneyDto discount,
      @Schema(description = "Tax added after the discount, in the same currency") MoneyDto tax,
      @Schema(
              description =
                  "A product of the catalogue (active); absent or null for a write-in product. Naming another product in a"
                      + " merge patch takes its name and price for the members the patch leaves out")
          UUID productId) {}

  /** An admin's setting of one stage. */
  @Schema(name = "StageSettingInput")
  public record StageSettingInput(
      @NotNull @Schema(required = true, example = "40", minimum = "0", maximum = "100") Integer defaultProbability,
      @NotNull
          @Schema(
              required = true,
              description =
                  "What an opportunity must have to enter the stage (with what the stages before require): description,"
                      + " customerNeed, proposedSolution, estimatedValue, estimatedCloseDate, finalProposalDate, accountId,"
                      + " contactId, lines (at least one)")
          List<String> requiredData) {}
}
