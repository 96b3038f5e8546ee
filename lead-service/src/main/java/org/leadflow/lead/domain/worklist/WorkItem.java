package org.leadflow.lead.domain.worklist;

import java.time.Instant;
import java.util.UUID;
import org.leadflow.lead.domain.StatusReason;

/**
 * One Open lead of a worklist, with what its next best action is decided from: score (null: not scored
 * yet), readiness, the agent's ready-to-qualify mark, outreach since the last answer, the earliest
 * follow-up not done, and which qualification data is still missing.
 *
 * @param unansweredCalls calls not answered since the last answered outreach
 * @param unansweredEmails emails not answered (or bounced) since the last answered outreach
 * @param followUpDueAt the earliest due date of an activity not done yet (outcome none or Scheduled); null for none
 */
public record WorkItem(
    UUID leadId,
    String firstName,
    String lastName,
    String companyName,
    String ownerId,
    StatusReason statusReason,
    Integer score,
    String scoreGrade,
    Integer readiness,
    Boolean requiredMet,
    boolean readyToQualify,
    Instant createdAt,
    boolean hasPhone,
    boolean hasEmail,
    boolean emailBounced,
    int attempts,
    int unansweredCalls,
    int unansweredEmails,
    Instant lastAttemptAt,
    Instant followUpDueAt,
    String followUpSubject,
    boolean budgetKnown,
    boolean authorityKnown,
    boolean needKnown,
    boolean timelineKnown) {}
