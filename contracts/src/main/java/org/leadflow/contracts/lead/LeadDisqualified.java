package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.disqualified.v1}: an Open lead was disqualified, with the reason, by a
 * person or by LeadFlow's Cannot Contact rule ({@code disqualifiedVia} {@code system}, {@code cause}
 * {@code cannot-contact-policy}).
 *
 * @param disqualifiedVia {@code user}, {@code import}, {@code agent} or {@code system}
 * @param cause why LeadFlow disqualified it on its own ({@link #CANNOT_CONTACT_POLICY}); null for a person's
 * @param policyOverride a sales manager's override of the guard against Cannot Contact too early; null without one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadDisqualified(
    UUID leadId,
    String statusReason,
    int statusReasonCode,
    String previousStatusReason,
    String note,
    LocalDate nurtureUntil,
    Instant disqualifiedAt,
    String disqualifiedBy,
    String disqualifiedVia,
    String cause,
    PolicyOverride policyOverride) {

  /** The cause of a disqualification by LeadFlow: the qualification policy's Cannot Contact rule. */
  public static final String CANNOT_CONTACT_POLICY = "cannot-contact-policy";

  /**
   * A sales manager disqualified as Cannot Contact before the policy's minimum of outreach attempts.
   *
   * @param rule the rule overridden ({@code cannot-contact-minimum-attempts})
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PolicyOverride(String rule, String by, String justification, Integer attempts, Integer minimumAttempts, Integer policyVersion) {}
}
