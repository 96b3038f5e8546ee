package org.leadflow.lead.domain.agent;

import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;

/**
 * What the qualification agent knows of one lead when it decides: its status, score (null: not scored
 * yet), readiness by the qualification policy (null: not measured), its outreach so far, what
 * enrichment flagged, and how people and the agent itself touched it.
 *
 * @param attempts calls, emails and meetings of any outcome but Scheduled and Canceled
 * @param unansweredAttempts attempts with no answer (No Answer, Left Voicemail, Busy, Wrong Number,
 *     Bounced) since the last answered (Completed) one
 * @param noAnswerCalls calls answered No Answer since the last answered attempt
 * @param lastPersonChange the latest change of the lead by a person (an activity logged is not a
 *     change of the lead); null when none
 * @param readyMarked the agent's ready-to-qualify mark is on the lead
 * @param overruled a person undid an action of the agent on this lead
 */
public record AgentFacts(
    UUID leadId,
    StatusReason statusReason,
    Integer score,
    Integer readiness,
    Boolean requiredMet,
    boolean hasPhone,
    boolean hasEmail,
    boolean emailBounced,
    boolean disposableEmail,
    boolean freeMailEmail,
    int attempts,
    int unansweredAttempts,
    int noAnswerCalls,
    Instant lastPersonChange,
    Instant createdAt,
    boolean readyMarked,
    boolean overruled) {}
