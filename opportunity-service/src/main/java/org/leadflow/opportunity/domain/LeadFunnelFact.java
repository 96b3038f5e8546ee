package org.leadflow.opportunity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What one lead event tells the funnel about its lead: who owns it as of when, and when it was created
 * or qualified (null: this event does not say). Facts of one lead merge into one record: the earliest
 * creation and qualification, and the owner named by the newest of them.
 */
public record LeadFunnelFact(UUID leadId, String ownerId, Instant ownerSince, Instant createdAt, Instant qualifiedAt) {

  public LeadFunnelFact {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(ownerSince, "ownerSince");
  }

  /** The lead was created, owned by {@code ownerId} (null: no one yet). */
  public static LeadFunnelFact created(UUID leadId, String ownerId, Instant at) {
    return new LeadFunnelFact(leadId, ownerId, at, at, null);
  }

  /** The lead was qualified, owned by {@code ownerId}. */
  public static LeadFunnelFact qualified(UUID leadId, String ownerId, Instant at) {
    return new LeadFunnelFact(leadId, ownerId, at, null, at);
  }

  /** The lead was given to {@code ownerId} (null: taken from its owner). */
  public static LeadFunnelFact reassigned(UUID leadId, String ownerId, Instant at) {
    return new LeadFunnelFact(leadId, ownerId, at, null, null);
  }
}
