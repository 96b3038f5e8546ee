package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadflow.contracts.Money;

/**
 * Data of {@code leadflow.lead.qualification-policy-changed.v1}: a version of the organisation's
 * qualification policy came into force (the default policy as version 1, then each admin's change),
 * whole, so that a subscriber holds the policy without calling lead-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QualificationPolicyChanged(
    UUID policyId,
    int version,
    Integer previousVersion,
    List<Criterion> criteria,
    IdealCustomerProfile idealCustomerProfile,
    String note,
    Instant changedAt,
    String changedBy,
    CannotContact cannotContact) {

  /**
   * The Cannot Contact rule (flag or disqualify a lead after {@code unansweredAttempts} unanswered
   * outreach attempts within {@code withinDays}) and the guard against disqualifying as Cannot Contact
   * before {@code minimumAttemptsBeforeDisqualifying} attempts; each part null when not set.
   *
   * @param action {@code flag} or {@code disqualify}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CannotContact(Integer unansweredAttempts, Integer withinDays, String action, Integer minimumAttemptsBeforeDisqualifying) {}

  /**
   * One criterion, as the API writes it.
   *
   * @param values text, numbers, booleans or amounts ({@code {"amount", "currency"}})
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Criterion(String key, String label, String field, String operator, List<Object> values, boolean required, int weight) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record IdealCustomerProfile(
      List<String> industries,
      Integer minEmployees,
      Integer maxEmployees,
      Money minAnnualRevenue,
      Money maxAnnualRevenue,
      List<String> countries,
      List<String> sources) {}
}
