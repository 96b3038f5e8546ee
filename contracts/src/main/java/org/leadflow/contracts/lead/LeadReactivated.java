package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.reactivated.v1}: a disqualified lead is Open/New again, by a person or,
 * when its nurture date has come, by LeadFlow itself ({@code reactivatedVia} {@code system}, {@code
 * cause} {@code nurture-ended}).
 *
 * @param reactivatedVia {@code user}, {@code import}, {@code agent} or {@code system}
 * @param cause why LeadFlow reactivated it on its own ({@link #NURTURE_ENDED}); null for a person's
 * @param nurtureUntil the date it was nurtured until, if it had one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadReactivated(
    UUID leadId,
    String previousStatusReason,
    String statusReason,
    int statusReasonCode,
    String note,
    Instant reactivatedAt,
    String reactivatedBy,
    String reactivatedVia,
    String cause,
    LocalDate nurtureUntil) {

  /** The cause of a reactivation by LeadFlow: the date the lead was nurtured until has come. */
  public static final String NURTURE_ENDED = "nurture-ended";
}
