package org.leadflow.contracts.opportunity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code leadflow.opportunity.stage-changed.v1}: the opportunity moved from one stage of the
 * sales process (Qualify, Develop, Propose, Close) to another, forward or back; {@code probability}
 * is its probability after the move (the new stage's default).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityStageChanged(
    UUID opportunityId,
    UUID originatingLeadId,
    String ownerId,
    String from,
    String to,
    int probability,
    String changedBy,
    Instant changedAt) {}
