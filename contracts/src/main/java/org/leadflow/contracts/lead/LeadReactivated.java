package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** Data of {@code leadflow.lead.reactivated.v1}: a disqualified lead is Open/New again. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadReactivated(
    UUID leadId,
    String previousStatusReason,
    String statusReason,
    int statusReasonCode,
    String note,
    Instant reactivatedAt,
    String reactivatedBy) {}
