package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Qualification data as a seller enters it; who captured it when is set by the service. */
@Schema(name = "QualificationInput")
public record QualificationInput(
    @Valid Budget budget, @Valid Authority authority, @Valid Need need, @Valid Timeline timeline, @Valid Fit fit) {

  @Schema(name = "BudgetInput")
  public record Budget(
      @Valid MoneyDto amount,
      @Schema(enumeration = {"No Committed Budget", "May Buy", "Can Buy", "Will Buy"}, example = "Can Buy")
          String status,
      @Size(max = 2000) String note) {}

  @Schema(name = "AuthorityInput")
  public record Authority(
      @Schema(example = "true", nullable = true, description = "Whether the contact decides the purchase; null: not known") Boolean decisionMaker,
      @Schema(enumeration = {"Individual", "Committee", "Unknown"}, example = "Committee") String purchaseProcess,
      @Size(max = 2000) String note) {}

  @Schema(name = "NeedInput")
  public record Need(
      @Schema(enumeration = {"Must Have", "Should Have", "Good to Have", "No Need"}, example = "Must Have")
          String level,
      @Size(max = 2000) String note) {}

  @Schema(name = "TimelineInput")
  public record Timeline(
      @Schema(
              enumeration = {"Immediate", "This Quarter", "Next Quarter", "This Year", "Unknown"},
              example = "This Quarter")
          String purchaseTimeframe,
      @Size(max = 2000) String note) {}

  @Schema(name = "FitInput", description = "Fit with the ideal customer profile; its data are the lead's industry, size, revenue and country")
  public record Fit(@Size(max = 2000) String note) {}
}
