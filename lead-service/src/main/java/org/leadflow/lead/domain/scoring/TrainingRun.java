package org.leadflow.lead.domain.scoring;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A training as recorded: who asked, how it went, the model it made ({@code result} MODEL) or why the
 * rule-based score stays ({@code RULES}), what it saw ({@code data}) and how the model did on the
 * holdout ({@code metrics}).
 */
public record TrainingRun(
    UUID id,
    String status,
    String requestedBy,
    Map<String, Object> options,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String result,
    Integer modelVersion,
    Map<String, Object> data,
    Map<String, Object> metrics,
    String failure) {}
