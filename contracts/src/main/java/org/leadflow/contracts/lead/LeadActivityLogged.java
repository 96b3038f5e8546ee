package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** Data of {@code leadflow.lead.activity-logged.v1}: an entry was added to a lead's timeline. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadActivityLogged(
    UUID leadId,
    UUID activityId,
    String type,
    String subject,
    String direction,
    String outcome,
    Instant occurredAt,
    String loggedBy,
    Instant loggedAt) {}
