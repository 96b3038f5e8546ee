package org.leadflow.lead.domain.agent;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of the agent's policy as an admin saved it: every change is a new version, kept, so that
 * each action of the agent names the policy that decided it.
 */
public record PublishedAgentPolicy(int version, AgentPolicy policy, String changedBy, String changedByName, Instant changedAt, String note) {

  public PublishedAgentPolicy {
    Objects.requireNonNull(policy);
    Objects.requireNonNull(changedBy);
    Objects.requireNonNull(changedAt);
  }

  /** Version 0: the policy in force before an admin saved one ({@link AgentPolicy#INITIAL}, off). */
  public static PublishedAgentPolicy initial(Instant at) {
    return new PublishedAgentPolicy(0, AgentPolicy.INITIAL, "system", "LeadFlow", at, "Off until an admin sets it");
  }

  public PublishedAgentPolicy succeededBy(AgentPolicy next, String by, String byName, Instant at, String why) {
    return new PublishedAgentPolicy(version + 1, next.validated(), by, byName, at, why);
  }
}
