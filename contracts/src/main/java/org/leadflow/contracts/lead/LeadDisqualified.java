package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Data of {@code leadflow.lead.disqualified.v1}: an Open lead was disqualified, with the reason. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadDisqualified(
    UUID leadId,
    String statusReason,
    int statusReasonCode,
    String previousStatusReason,
    String note,
    LocalDate nurtureUntil,
    Instant disqualifiedAt,
    String disqualifiedBy) {}
