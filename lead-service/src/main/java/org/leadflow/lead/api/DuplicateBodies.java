package org.leadflow.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.duplicates.DuplicateCandidate;
import org.leadflow.lead.domain.duplicates.DuplicateRule;

/** The API's records for duplicate detection. */
final class DuplicateBodies {

  private DuplicateBodies() {}

  static final String RULE_KEYS = "email, phone, similar-name, email-domain-and-last-name";

  @Schema(name = "DuplicateRuleSetting")
  record RuleSetting(
      @Schema(enumeration = {"email", "phone", "similar-name", "email-domain-and-last-name"}, example = "email") @NotNull String rule,
      @Schema(enumeration = {"block", "warn", "off"}, example = "block") @NotNull String mode) {}

  @Schema(name = "DuplicateRulesInput", description = "Every rule's mode, each rule named once")
  record RulesInput(@NotNull List<@Valid @NotNull RuleSetting> rules) {}

  @Schema(name = "DuplicateRuleResponse")
  record RuleResponse(
      @Schema(enumeration = {"email", "phone", "similar-name", "email-domain-and-last-name"}) String rule,
      @Schema(enumeration = {"block", "warn", "off"}) String mode,
      String description) {}

  @Schema(name = "DuplicateRules")
  record RulesResponse(List<RuleResponse> rules, String changedBy, String changedByName, Instant changedAt) {}

  @Schema(name = "DuplicateLead", description = "A lead the caller may see that may be the same person")
  record CandidateResponse(
      UUID id,
      String firstName,
      String lastName,
      String companyName,
      String email,
      String phone,
      @Schema(example = "Open") String state,
      @Schema(example = "New") String statusReason,
      String ownerId,
      @Schema(description = "The rules that found it", example = "[\"email\", \"similar-name\"]") List<String> matchedBy) {}

  @Schema(name = "DuplicateLeads")
  record CandidatesResponse(List<CandidateResponse> items) {}

  static CandidateResponse toResponse(DuplicateCandidate candidate) {
    return new CandidateResponse(
        candidate.id(),
        candidate.firstName(),
        candidate.lastName(),
        candidate.companyName(),
        candidate.email(),
        candidate.phone(),
        candidate.statusReason().state().label(),
        candidate.statusReason().label(),
        candidate.ownerId(),
        candidate.matchedBy().stream().map(DuplicateRule::key).toList());
  }

  static CandidatesResponse toResponse(List<DuplicateCandidate> candidates) {
    return new CandidatesResponse(candidates.stream().map(DuplicateBodies::toResponse).toList());
  }
}
