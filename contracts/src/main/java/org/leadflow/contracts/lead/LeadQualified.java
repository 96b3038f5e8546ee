package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.leadflow.contracts.Money;

/**
 * Data of {@code leadflow.lead.qualified.v1}: an Open lead was qualified and is to be converted.
 * lead-service chose the ids of the records to create; opportunity-service creates them with
 * exactly these ids (or reuses matching existing ones) and answers on {@code opportunity-events}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadQualified(
    UUID leadId,
    UUID conversionId,
    Instant qualifiedAt,
    String qualifiedBy,
    String ownerId,
    LeadSnapshot lead,
    Options options,
    UUID accountId,
    UUID contactId,
    UUID opportunityId,
    OpportunityDraft opportunity,
    QualificationPolicyCheck qualificationPolicy) {

  /**
   * How the lead passed the qualification policy's gate: the version that measured it, its readiness,
   * and a sales manager's override when a required criterion was not met. Absent for leads qualified
   * before the gate existed.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QualificationPolicyCheck(int version, int readiness, PolicyOverride override) {}

  /** Who overrode the gate, why, and the keys of the required criteria not met. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PolicyOverride(String by, String justification, List<String> criteria) {}

  /** What the lead knew, for the account, contact and opportunity made from it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record LeadSnapshot(
      String firstName,
      String lastName,
      String companyName,
      String jobTitle,
      String email,
      String phone,
      String website,
      String source,
      String industry,
      Integer numberOfEmployees,
      Money annualRevenue,
      String country,
      String city,
      Money budgetAmount,
      String purchaseTimeframe) {}

  /** Dynamics' QualifyLead options. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Options(
      boolean createAccount,
      boolean createContact,
      boolean createOpportunity,
      UUID existingAccountId,
      UUID existingContactId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OpportunityDraft(
      String name, Money estimatedValue, LocalDate estimatedCloseDate, List<Line> lines) {}

  /** One product line: quantity × unit price. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Line(String productName, String quantity, Money unitPrice) {}
}
