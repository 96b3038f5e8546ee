package org.leadflow.lead.domain.scoring;

import java.util.UUID;

/**
 * A closed lead the model learns from: its features and whether it converted (qualified, won where
 * the outcome is known) or not (disqualified, lost). {@code splitKey} decides by its hash whether it
 * is held out: the lead's id, or an attribute that stays the same when the same history is imported
 * again (so that a rerun holds out the same leads).
 */
public record TrainingExample(UUID leadId, String splitKey, LeadFeatures features, boolean converted) {}
