package org.leadflow.lead.domain.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's latest score: 0–100, its grade, how it was made ({@code MODEL} with its version, or
 * {@code RULES}), the reasons each way, and the score before it (the trend).
 */
public record LeadScore(
    UUID leadId,
    int score,
    char grade,
    double probability,
    String method,
    Integer modelVersion,
    List<Factor> raising,
    List<Factor> lowering,
    Instant scoredAt,
    Integer previousScore,
    Character previousGrade,
    Instant previousScoredAt) {}
