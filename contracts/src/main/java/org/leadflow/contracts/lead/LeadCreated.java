package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.created.v1}: a new lead entered LeadFlow, as it was when created.
 * Consumers ignore fields they do not know, so later versions may add fields.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadCreated(
    UUID leadId,
    String firstName,
    String lastName,
    String companyName,
    String jobTitle,
    String email,
    String phone,
    String source,
    String country,
    String ownerId,
    String state,
    String statusReason,
    int statusReasonCode,
    Instant createdAt,
    String createdBy) {}
