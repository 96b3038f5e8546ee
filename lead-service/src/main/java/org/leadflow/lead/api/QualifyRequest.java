package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.OpportunityDraftPolicy;
import org.leadflow.lead.domain.policy.QualificationGate;

/**
 * Dynamics' QualifyLead options. Omitted booleans default to true, except that naming an existing
 * account (contact) means not creating one. The opportunity draft must also keep to {@link
 * OpportunityDraftPolicy} (what opportunity-service accepts).
 */
@Schema(name = "QualifyRequest")
public record QualifyRequest(
    @Schema(nullable = true, description = "Create an account from the company (default true unless existingAccountId is given; null is the default)")
        Boolean createAccount,
    @Schema(nullable = true, description = "Create a contact from the person (default true unless existingContactId is given; null is the default)")
        Boolean createContact,
    @Schema(nullable = true, description = "Create an opportunity (default true, also for null; false is not supported yet)")
        Boolean createOpportunity,
    @Schema(description = "Use this account of opportunity-service instead of creating one") UUID existingAccountId,
    @Schema(description = "Use this contact of opportunity-service instead of creating one") UUID existingContactId,
    @Valid OpportunityDraft opportunity,
    @Schema(description = "Validate and preview, change nothing") boolean dryRun,
    @Valid
        @Schema(description = "Sales managers: qualify although the lead does not meet every required criterion of the qualification policy; kept in the history and the LeadQualified event. Ignored by a retry.")
        PolicyOverride policyOverride) {

  @Schema(name = "QualificationPolicyOverride")
  public record PolicyOverride(
      @NotBlank
          @Size(max = QualificationGate.LONGEST_JUSTIFICATION)
          @Schema(example = "Budget is signed off verbally by the CFO; paperwork follows next week")
          String justification) {}

  @Schema(name = "OpportunityDraft")
  public record OpportunityDraft(
      @Size(max = OpportunityDraftPolicy.MAX_NAME) @Schema(example = "Analytical Engines: 200 seats") String name,
      @Valid @Schema(description = "Ignored when lines are given: their sum is the value") MoneyDto estimatedValue,
      @Schema(example = "2027-03-31") LocalDate estimatedCloseDate,
      @Size(max = OpportunityDraftPolicy.MAX_LINES) List<@Valid @NotNull Line> lines) {}

  @Schema(name = "OpportunityLine")
  public record Line(
      @NotBlank @Size(max = OpportunityDraftPolicy.MAX_PRODUCT_NAME) @Schema(example = "LeadFlow seat licence") String productName,
      @NotNull
          @Pattern(regexp = "^\\d{1,9}(\\.\\d{1,4})?$", message = "must be a positive decimal number")
          @Schema(example = "200")
          String quantity,
      @NotNull @Valid MoneyDto unitPrice) {}
}
