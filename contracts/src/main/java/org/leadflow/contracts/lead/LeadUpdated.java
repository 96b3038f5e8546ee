package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Data of {@code leadflow.lead.updated.v1}: what changed on a lead, old and new values. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadUpdated(
    UUID leadId,
    List<FieldChange> changes,
    String state,
    String statusReason,
    int statusReasonCode,
    Instant updatedAt,
    String updatedBy) {}
