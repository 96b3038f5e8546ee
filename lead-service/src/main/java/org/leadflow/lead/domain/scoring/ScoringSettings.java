package org.leadflow.lead.domain.scoring;

import java.time.Instant;
import java.util.List;

/**
 * The organisation's scoring settings: the attributes scoring leaves out because the sales team fills
 * them in after contact (they would leak the outcome), and who changed them last.
 */
public record ScoringSettings(List<String> excludedAttributes, int version, Instant updatedAt, String updatedBy) {}
