package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One stay of an opportunity in a stage: from when to when (open while it is the current stage). */
@Entity
@Table(name = "opportunity_stage_visit")
public class StageVisit {

  @Id private UUID id;
  private UUID opportunityId;

  @Enumerated(EnumType.STRING)
  private OpportunityStage stage;

  private Instant enteredAt;
  private Instant leftAt;
  private String enteredBy;

  protected StageVisit() {}

  /** The stay that begins when the opportunity enters {@code stage}. */
  public static StageVisit first(UUID opportunityId, OpportunityStage stage, String by, Instant now) {
    StageVisit visit = new StageVisit();
    visit.id = UUID.randomUUID();
    visit.opportunityId = opportunityId;
    visit.stage = stage;
    visit.enteredAt = now;
    visit.enteredBy = by;
    return visit;
  }

  /** Ends this stay. */
  public void leave(Instant now) {
    if (leftAt == null) {
      leftAt = now;
    }
  }

  public UUID id() {
    return id;
  }

  public UUID opportunityId() {
    return opportunityId;
  }

  public OpportunityStage stage() {
    return stage;
  }

  public Instant enteredAt() {
    return enteredAt;
  }

  /** Null while the opportunity is in this stage. */
  public Instant leftAt() {
    return leftAt;
  }

  public String enteredBy() {
    return enteredBy;
  }

  /** How long the opportunity was (or, until {@code now}, has been) in this stage. */
  public Duration timeInStage(Instant now) {
    return Duration.between(enteredAt, leftAt != null ? leftAt : now);
  }
}
