package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.web.security.Caller;

/**
 * Logs an activity on a lead's timeline ({@code leadflow.lead.activity-logged.v1}); the first
 * completed call, email or meeting moves a New lead to Contacted.
 */
@ApplicationScoped
public class LogActivity implements CommandHandler<LogActivity.Command, Activity> {

  public record Command(UUID leadId, Activity.Details details, Caller caller) {}

  @Inject ActivityRepository activities;
  @Inject LeadChanges changes;

  @Override
  public Uni<Activity> handle(Command command) {
    return changes
        .find(command.leadId(), Optional.empty(), command.caller())
        .chain(lead -> {
          Lead.ActivityLog log = lead.logActivity(command.details(), LeadChanges.actorOf(command.caller()), changes.now());
          return activities.persist(log.activity()).chain(() -> changes.record(lead, log.events())).replaceWith(log.activity());
        });
  }
}
