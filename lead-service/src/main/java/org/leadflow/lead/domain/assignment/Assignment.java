package org.leadflow.lead.domain.assignment;

import java.util.UUID;

/** Which rule gave a new lead to which owner, for its history and event. */
public record Assignment(UUID ruleId, String ruleName, AssignmentRule.Distribution distribution, String ownerId) {}
