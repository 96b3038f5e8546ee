package org.leadflow.lead.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a lead's outreach timeline: a call, an email, a meeting, a task or a note. */
@Entity
@Table(name = "lead_activity")
public class Activity {

  @Id private UUID id;
  private UUID leadId;

  @Enumerated(EnumType.STRING)
  private ActivityType type;

  private String subject;
  private String description;

  @Enumerated(EnumType.STRING)
  private ActivityDirection direction;

  @Enumerated(EnumType.STRING)
  private ActivityOutcome outcome;

  private Instant occurredAt;
  private Instant endedAt;
  private Instant dueAt;
  private String authorId;
  private String authorName;

  @Enumerated(EnumType.STRING)
  private Actor.Channel authorVia;

  private Instant loggedAt;

  protected Activity() {}

  /** What the author says happened. */
  public record Details(
      ActivityType type,
      String subject,
      String description,
      ActivityDirection direction,
      ActivityOutcome outcome,
      Instant occurredAt,
      Instant endedAt,
      Instant dueAt) {}

  static Activity log(UUID leadId, Details details, Actor author, Instant now) {
    Activity activity = new Activity();
    activity.id = TimeOrderedIds.next();
    activity.leadId = leadId;
    activity.type = details.type();
    activity.subject = details.subject();
    activity.description = details.description();
    activity.direction = details.direction();
    activity.outcome = details.outcome();
    activity.occurredAt = details.occurredAt() == null ? now : details.occurredAt();
    activity.endedAt = details.endedAt();
    activity.dueAt = details.dueAt();
    activity.authorId = author.id();
    activity.authorName = author.name();
    activity.authorVia = author.via();
    activity.loggedAt = now;
    return activity;
  }

  /** A call, email or meeting that reached the person. */
  public boolean isCompletedOutreach() {
    return type.isOutreach() && outcome == ActivityOutcome.COMPLETED;
  }

  public UUID id() {
    return id;
  }

  public UUID leadId() {
    return leadId;
  }

  public Details details() {
    return new Details(type, subject, description, direction, outcome, occurredAt, endedAt, dueAt);
  }

  public Actor author() {
    return new Actor(authorId, authorName, authorVia);
  }

  public Instant loggedAt() {
    return loggedAt;
  }
}
