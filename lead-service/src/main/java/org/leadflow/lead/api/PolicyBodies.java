package org.leadflow.lead.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The qualification policy and a lead's readiness as the API reads and writes them. */
final class PolicyBodies {

  private PolicyBodies() {}

  @Schema(name = "QualificationPolicyInput", description = "A new version of the qualification policy, as an admin saves it")
  record PolicyInput(
      @NotNull @Size(max = 50) @Schema(description = "The criteria, in the order sellers see them", maxItems = 50) List<@Valid CriterionInput> criteria,
      @Valid @Schema(description = "The ideal customer profile the fit is measured against; absent: none") IdealCustomerProfileBody idealCustomerProfile,
      @Valid @Schema(description = "What happens to leads nobody reaches; absent: nothing (no rule, no guard)") CannotContactBody cannotContact,
      @Size(max = 1000) @Schema(description = "Why the policy changed", example = "Enterprise deals need a budget amount", maxLength = 1000) String note) {}

  @Schema(name = "QualificationCriterionInput")
  record CriterionInput(
      @NotNull @Schema(example = "budget-available", pattern = "^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$", description = "Stable identifier the gate's refusals name") String key,
      @NotNull @Schema(example = "Budget available", maxLength = 100) String label,
      @NotNull @Schema(example = "budgetStatus", description = "A field of GET /api/v1/qualification-policy/fields, or attributes.<key> for a custom attribute") String field,
      @NotNull @Schema(enumeration = {"equals", "in", "notIn", "atLeast", "atMost", "between", "present", "absent"}, example = "in") String operator,
      @Schema(type = SchemaType.ARRAY, implementation = CriterionValue.class, description = "What the field is compared with: none for present/absent, two for between", example = "[\"May Buy\", \"Can Buy\", \"Will Buy\"]") List<JsonNode> values,
      @NotNull @Schema(description = "Required criteria must be met to qualify; the others weigh in readiness") Boolean required,
      @Schema(description = "1–100 for a weighted criterion; absent or 0 for a required one", minimum = "0", maximum = "100", example = "25") Integer weight) {}

  /** What a criterion value may be; only for the OpenAPI document. */
  @Schema(name = "QualificationCriterionValue", description = "Text, a number, a boolean, or an amount", oneOf = {String.class, BigDecimal.class, Boolean.class, MoneyDto.class})
  static final class CriterionValue {
    private CriterionValue() {}
  }

  @Schema(name = "IdealCustomerProfile", description = "Dimensions left empty are not part of the fit")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record IdealCustomerProfileBody(
      @Size(max = 100) @Schema(example = "[\"Manufacturing\", \"Logistics\"]", description = "Compared without case") List<String> industries,
      @Schema(minimum = "0", example = "20") Integer minEmployees,
      @Schema(minimum = "0", example = "5000") Integer maxEmployees,
      @Valid MoneyDto minAnnualRevenue,
      @Valid MoneyDto maxAnnualRevenue,
      @Size(max = 100) @Schema(example = "[\"GB\", \"IE\"]", description = "Compared without case, as leads hold them") List<String> countries,
      @Size(max = 100) @Schema(example = "[\"Trade Show\", \"Partner\"]", description = "Lead source labels") List<String> sources) {}

  @Schema(
      name = "CannotContactPolicy",
      description =
          "The Cannot Contact rule (unansweredAttempts within withinDays flag the lead, or disqualify it as Cannot Contact with"
              + " action disqualify; unanswered: No Answer, Left Voicemail, Busy, Wrong Number, Bounced calls, emails and"
              + " meetings since the last answered one) and the guard (minimumAttemptsBeforeDisqualifying outreach attempts"
              + " before a person may disqualify as Cannot Contact, unless a sales manager overrides). Each part optional.")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CannotContactBody(
      @Schema(description = "N: unanswered outreach attempts that flag the lead; absent: no rule", minimum = "1", maximum = "100", example = "5") Integer unansweredAttempts,
      @Schema(description = "M: the days the attempts are counted in (required with unansweredAttempts)", minimum = "1", maximum = "365", example = "14") Integer withinDays,
      @Schema(description = "What the rule does (default flag)", enumeration = {"flag", "disqualify"}, example = "flag") String action,
      @Schema(description = "K: outreach attempts a lead must have had before a person disqualifies it as Cannot Contact; absent: no guard", minimum = "1", maximum = "100", example = "3")
          Integer minimumAttemptsBeforeDisqualifying) {}

  @Schema(name = "QualificationPolicy", description = "A version of the organisation's qualification policy; ETag carries the version")
  record PolicyResponse(
      @Schema(example = "3") int version,
      List<CriterionResponse> criteria,
      IdealCustomerProfileBody idealCustomerProfile,
      @Schema(nullable = true, description = "The Cannot Contact rule and guard; null when the policy has neither") CannotContactBody cannotContact,
      ActorResponse changedBy,
      Instant changedAt,
      @Schema(nullable = true) String note) {}

  @Schema(name = "QualificationCriterion")
  record CriterionResponse(
      String key,
      String label,
      String field,
      @Schema(enumeration = {"equals", "in", "notIn", "atLeast", "atMost", "between", "present", "absent"}) String operator,
      @Schema(type = SchemaType.ARRAY, implementation = CriterionValue.class) List<Object> values,
      boolean required,
      @Schema(description = "0 for a required criterion") int weight) {}

  @Schema(name = "QualificationPolicyPage")
  record PolicyPage(List<PolicyResponse> items, int page, int size, long total) {}

  @Schema(name = "QualificationPolicyField", description = "A lead field a criterion may compare")
  record FieldResponse(
      @Schema(example = "budgetStatus") String field,
      @Schema(enumeration = {"text", "choice", "number", "money", "boolean", "attribute"}) String type,
      @Schema(example = "budget status") String description,
      @Schema(example = "[\"equals\", \"in\", \"notIn\", \"present\", \"absent\"]") List<String> operators,
      @Schema(description = "The values a choice takes", example = "[\"No Committed Budget\", \"May Buy\", \"Can Buy\", \"Will Buy\"]") List<String> choices) {}

  @Schema(name = "QualificationPolicyFields")
  record FieldsResponse(List<FieldResponse> fields, @Schema(example = "attributes.") String attributePrefix) {}

  @Schema(name = "LeadReadiness", description = "A lead measured against the qualification policy in force")
  record ReadinessResponse(
      UUID leadId,
      @Schema(example = "3") int policyVersion,
      @Schema(description = "Weighted readiness 0–100", minimum = "0", maximum = "100", example = "55") int readiness,
      @Schema(description = "Whether every required criterion is met, so that qualify passes the gate") boolean requiredMet,
      @Schema(description = "Keys of the required criteria not met yet (unmet or unknown)") List<String> unmetRequired,
      FitResponse fit,
      List<CriterionResultResponse> criteria,
      @Schema(description = "What to find out next, most important first", example = "[\"Budget status unknown\"]") List<String> nextSteps) {}

  @Schema(name = "LeadReadinessCriterion")
  record CriterionResultResponse(
      String key,
      String label,
      String field,
      boolean required,
      int weight,
      @Schema(enumeration = {"met", "unmet", "unknown"}) String status,
      @Schema(implementation = CriterionValue.class, nullable = true, description = "The lead's value the criterion saw; null when not known") Object value,
      @Schema(example = "Budget status is May Buy, as required (one of May Buy, Can Buy, Will Buy)") String explanation) {}

  @Schema(name = "LeadFit")
  record FitResponse(
      @Schema(enumeration = {"Good fit", "Partial fit", "Poor fit", "Unknown"}) String verdict,
      @Schema(description = "Share of the profile's dimensions that match, 0–100") int score,
      List<FitDimensionResponse> dimensions) {}

  @Schema(name = "LeadFitDimension")
  record FitDimensionResponse(
      @Schema(example = "numberOfEmployees") String field,
      @Schema(enumeration = {"met", "unmet", "unknown"}) String status,
      @Schema(implementation = CriterionValue.class, nullable = true) Object value,
      String explanation) {}
}
