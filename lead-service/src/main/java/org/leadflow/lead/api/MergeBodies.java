package org.leadflow.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a merge and its answer. */
public final class MergeBodies {

  private MergeBodies() {}

  @Schema(name = "MergeLeadsRequest")
  public record Request(
      @NotNull
          @Schema(required = true, description = "The lead merged away: it becomes Disqualified/Merged", example = "01a21bb2-53e0-7973-b26e-997d0c4247b7")
          UUID duplicateId,
      @PositiveOrZero
          @Schema(
              description = "The duplicate's version (its ETag) the merge is based on: 412 when it has changed since; absent, not checked",
              example = "3")
          Long duplicateVersion,
      @Size(max = 200)
          @Schema(
              description =
                  "Where to take each field from: \"master\" or \"duplicate\", by API name: firstName, lastName, companyName,"
                      + " jobTitle, email, phone, website, source, industry, numberOfEmployees, annualRevenue, country, city,"
                      + " description, attributes.<key> (each custom attribute), qualification.budget, qualification.authority,"
                      + " qualification.need, qualification.timeline, qualification.fit (a criterion is taken whole, with its note)."
                      + " A field not named keeps the master's value, or takes the duplicate's where the master has none. The owner"
                      + " is always the master's.",
              example = "{\"email\": \"duplicate\", \"phone\": \"master\", \"qualification.budget\": \"duplicate\"}")
          Map<String, String> fields) {}

  @Schema(name = "MergeLeadsResponse")
  public record Response(
      @Schema(description = "The master after the merge; the answer's ETag is its version") LeadResponse master,
      @Schema(description = "The duplicate after the merge: Disqualified/Merged (status reason code 8)") LeadResponse duplicate,
      @Schema(
              description = "Where each field was taken from (every field either lead has, defaults included)",
              example = "{\"firstName\": \"master\", \"email\": \"duplicate\"}")
          Map<String, String> fields,
      @Schema(description = "The duplicate's activities now on the master's timeline", example = "2") int activitiesMoved,
      @Schema(description = "The duplicate's history entries copied into the master's history (details.mergedFrom names it)", example = "5")
          int historyEntriesCopied) {}
}
