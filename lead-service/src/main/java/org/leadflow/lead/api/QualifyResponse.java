package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to qualify: the qualified lead and its pending conversion with the ids of the records
 * to be created; or, for a dry run, the preview of what would happen.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "QualifyResponse")
public record QualifyResponse(
    boolean dryRun, LeadResponse lead, ConversionResponse conversion, Preview preview) {

  /** What a qualify would do, and which existing records opportunity-service would reuse. */
  @Schema(name = "QualifyPreview")
  public record Preview(
      Planned account,
      Planned contact,
      OpportunityPreview opportunity,
      Matches matches,
      @Schema(description = "Open and Disqualified leads you may see that the duplicate rules that are on find: merge or disqualify them rather than qualify the same person twice")
          List<DuplicateBodies.CandidateResponse> duplicateLeads) {}

  @Schema(name = "PlannedRecord")
  public record Planned(
      @Schema(enumeration = {"create", "use-existing", "none"}) String action, UUID existingId, String name) {}

  @Schema(name = "OpportunityPreview")
  public record OpportunityPreview(
      String name, MoneyDto estimatedValue, java.time.LocalDate estimatedCloseDate, List<QualifyRequest.Line> lines) {}

  @Schema(name = "Matches", description = "Existing records opportunity-service would reuse instead of creating")
  public record Matches(
      @Schema(description = "false when opportunity-service could not be asked") boolean available,
      String detail,
      List<AccountMatch> accounts,
      List<ContactMatch> contacts) {}

  @Schema(name = "AccountMatch")
  public record AccountMatch(UUID id, String name, List<String> matchedBy) {}

  @Schema(name = "ContactMatch")
  public record ContactMatch(UUID id, String name, String email, List<String> matchedBy) {}
}
