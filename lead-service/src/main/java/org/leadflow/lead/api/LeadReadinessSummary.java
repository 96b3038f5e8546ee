package org.leadflow.lead.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lead's readiness as last measured, in the lead itself: what a list shows, sorts and filters by. */
@Schema(
    name = "LeadReadinessSummary",
    description =
        "The lead measured against the qualification policy when it was last created or edited, or after a"
            + " policy change (leads are measured again in the background, a few thousand a second). The full"
            + " measure, criterion by criterion, is GET /api/v1/leads/{id}/readiness.")
public record LeadReadinessSummary(
    @Schema(description = "Weighted readiness 0–100", example = "75", minimum = "0", maximum = "100") int score,
    @Schema(description = "Fit with the ideal customer profile", example = "Good fit", enumeration = {"Good fit", "Partial fit", "Poor fit", "Unknown"})
        String fit,
    @Schema(description = "Whether every required criterion is met, so that the lead may be qualified without an override", example = "true")
        boolean requiredMet,
    @Schema(description = "The policy version that measured it", example = "3") int policyVersion) {}
