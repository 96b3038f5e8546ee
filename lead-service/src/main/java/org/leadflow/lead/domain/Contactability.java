package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The qualification policy's Cannot Contact rule flagged the lead: {@code attempts} unanswered
 * outreach attempts since {@code since}, counted when the last of them was logged ({@code
 * flaggedAt}). Embedded in the lead (columns {@code cannot_contact_*}); none while the lead is
 * reachable. Reactivating the lead, or an answered outreach, clears it.
 */
@Embeddable
public record Contactability(
    @Column(name = "cannot_contact_flagged_at") Instant flaggedAt,
    @Column(name = "cannot_contact_attempts") Integer attempts,
    @Column(name = "cannot_contact_since") Instant since) {}
