package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.CannotContactFlag;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.LeadState;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.web.security.Caller;

/**
 * Logs an activity on a lead's timeline ({@code leadflow.lead.activity-logged.v1}); the first
 * completed call, email or meeting moves a New lead to Contacted. An unanswered one is measured
 * against the qualification policy's Cannot Contact rule, in the same transaction: the lead may be
 * flagged, or disqualified as Cannot Contact, by the system ({@link CannotContactFlag}).
 */
@ApplicationScoped
public class LogActivity implements CommandHandler<LogActivity.Command, Activity> {

  public record Command(UUID leadId, Activity.Details details, Caller caller) {}

  @Inject ActivityRepository activities;
  @Inject LeadChanges changes;
  @Inject PolicyVersionsInForce policies;

  @Override
  public Uni<Activity> handle(Command command) {
    return changes
        .find(command.leadId(), Optional.empty(), command.caller())
        .chain(lead -> {
          Lead.ActivityLog log = lead.logActivity(command.details(), LeadChanges.actorOf(command.caller()), changes.now());
          return cannotContact(lead, log.activity())
              .chain(found -> {
                List<LeadEvent> events = new ArrayList<>(log.events());
                events.addAll(found);
                return activities.persist(log.activity()).chain(() -> changes.record(lead, events));
              })
              .replaceWith(log.activity());
        });
  }

  /** What the Cannot Contact rule makes of the lead after {@code logged}; nothing unless it was an unanswered outreach of an Open lead. */
  private Uni<List<LeadEvent>> cannotContact(Lead lead, Activity logged) {
    Activity.Details details = logged.details();
    if (!details.type().isOutreach() || !CannotContactPolicy.isUnanswered(details.outcome()) || lead.state() != LeadState.OPEN || lead.contactability() != null) {
      return Uni.createFrom().item(List.of());
    }
    return policies
        .currentOrStart(changes.now())
        .chain(policy -> {
          if (!policy.policy().cannotContact().hasRule()) {
            return Uni.createFrom().item(List.<LeadEvent>of());
          }
          // Read before the new activity is persisted; it is added here.
          return activities.outreach(lead.id()).map(earlier -> {
            List<CannotContactPolicy.Attempt> attempts = new ArrayList<>(earlier);
            attempts.add(new CannotContactPolicy.Attempt(details.occurredAt(), details.outcome()));
            return policy.policy().cannotContact()
                .assess(attempts, changes.now(), policy.version())
                .map(finding -> CannotContactFlag.apply(lead, finding, changes.now()))
                .orElse(List.of());
          });
        });
  }
}
