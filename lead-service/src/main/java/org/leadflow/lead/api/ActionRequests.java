package org.leadflow.lead.api;

import jakarta.validation.Valid;
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
      @Schema(
              description =
                  "Keep nurturing (e.g. newsletters) until this date (a day in UTC); on that date LeadFlow reactivates the"
                      + " lead as the system (a date already past: at its next run)",
              example = "2027-06-30")
          LocalDate nurtureUntil,
      @Valid
          @Schema(
              description =
                  "Sales managers: disqualify as Cannot Contact before the qualification policy's minimum of outreach"
                      + " attempts (cannotContact.minimumAttemptsBeforeDisqualifying); kept in the history and the event")
          QualifyRequest.PolicyOverride policyOverride) {}

  @Schema(name = "ReactivateRequest")
  public record Reactivate(@Size(max = 2000) @Schema(example = "Budget approved after all.") String note) {}
}
