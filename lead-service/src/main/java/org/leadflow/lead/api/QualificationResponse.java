package org.leadflow.lead.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Qualification data with who captured each criterion and when. */
@Schema(name = "Qualification")
public record QualificationResponse(Budget budget, Authority authority, Need need, Timeline timeline, Fit fit) {

  @Schema(name = "Budget")
  public record Budget(MoneyDto amount, String status, String note, String capturedBy, Instant capturedAt) {}

  @Schema(name = "Authority")
  public record Authority(
      Boolean decisionMaker, String purchaseProcess, String note, String capturedBy, Instant capturedAt) {}

  @Schema(name = "Need")
  public record Need(String level, String note, String capturedBy, Instant capturedAt) {}

  @Schema(name = "Timeline")
  public record Timeline(String purchaseTimeframe, String note, String capturedBy, Instant capturedAt) {}

  @Schema(name = "Fit")
  public record Fit(String note, String capturedBy, Instant capturedAt) {}
}
