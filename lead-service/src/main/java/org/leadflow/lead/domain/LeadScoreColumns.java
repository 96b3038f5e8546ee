package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The lead's score and grade as scoring last wrote them (columns {@code score}, {@code score_grade}),
 * mapped only so that the lead list can filter and sort by them: scoring writes them by SQL, never
 * through the entity (not insertable, not updatable), so a new score never changes the lead's version.
 * The explanation and the trend are scoring's ({@code GET /leads/{id}/score}).
 */
@Embeddable
public record LeadScoreColumns(
    @Column(name = "score", insertable = false, updatable = false) Integer value,
    @Column(name = "score_grade", insertable = false, updatable = false) String grade) {}
