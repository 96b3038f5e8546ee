package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.ActivityOutcome;
import org.leadflow.lead.domain.ActivityType;
import org.leadflow.lead.domain.policy.CannotContactPolicy;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

  private static final List<ActivityType> OUTREACH = Arrays.stream(ActivityType.values()).filter(ActivityType::isOutreach).toList();

  /** Every outreach activity (call, email, meeting) logged on the lead: when it happened and how it went. */
  public Uni<List<CannotContactPolicy.Attempt>> outreach(UUID leadId) {
    return getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery("select a.occurredAt, a.outcome from Activity a where a.leadId = :lead and a.type in :types", Object[].class)
                    .setParameter("lead", leadId)
                    .setParameter("types", OUTREACH)
                    .getResultList())
        .map(rows -> rows.stream().map(row -> new CannotContactPolicy.Attempt((Instant) row[0], (ActivityOutcome) row[1])).toList());
  }
}
