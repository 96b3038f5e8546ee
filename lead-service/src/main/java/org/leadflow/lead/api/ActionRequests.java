package org.leadflow.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the lead's lifecycle actions. */
public final class ActionRequests {

  private ActionRequests() {}

  @Schema(name = "DisqualifyRequest")
  public record Disqualify(
      @NotBlank
          @Schema(
              required = true,
              enumeration = {"Lost", "Cannot Contact", "No Longer Interested", "Canceled"},
              example = "No Longer Interested")
          String reason,
      @Size(max = 2000) @Schema(example = "Chose a competitor; revisit next year.") String note,
      @Schema(description = "Keep nurturing (e.g. newsletters) until this date", example = "2027-06-30")
          LocalDate nurtureUntil) {}

  @Schema(name = "ReactivateRequest")
  public record Reactivate(@Size(max = 2000) @Schema(example = "Budget approved after all.") String note) {}
}
