package org.leadflow.lead.domain.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run of the agent over the Open leads, as far as it got: queued, running, completed or failed;
 * how many leads it evaluated, acted on (for a dry run: would have acted on) and skipped; and its
 * decisions lead by lead (the first of them, up to the report's limit).
 */
public record AgentRun(
    UUID id,
    Trigger trigger,
    boolean dryRun,
    Status status,
    Integer policyVersion,
    String requestedBy,
    String requestedByName,
    Instant requestedAt,
    Instant startedAt,
    Instant finishedAt,
    int evaluated,
    int acted,
    int skipped,
    List<AgentDecision> decisions,
    String error) {

  public enum Trigger {
    SCHEDULE,
    DEMAND
  }

  public enum Status {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED
  }
}
