package org.leadflow.lead.domain.assignment;

import java.time.Instant;
import java.util.List;

/** The assignment rules in order, and who set them last (null before any were set). */
public record AssignmentRuleSet(List<AssignmentRule> rules, String changedBy, String changedByName, Instant changedAt) {

  public AssignmentRuleSet {
    rules = List.copyOf(rules);
  }
}
