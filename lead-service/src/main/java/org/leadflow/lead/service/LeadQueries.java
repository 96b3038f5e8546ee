package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.HistoryEntry;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.lead.persistence.HistoryRepository;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.web.security.Caller;

/**
 * What a caller may read: a lead, the lead list, a lead's timeline and history, each in a session of
 * its own. The changes are commands (package {@code application}).
 */
@ApplicationScoped
public class LeadQueries {

  @Inject LeadRepository leads;
  @Inject ActivityRepository activities;
  @Inject HistoryRepository history;
  @Inject VisibleLeads visible;
  @Inject StuckConversions stuckConversions;

  @WithSession
  public Uni<Lead> get(UUID id, Caller caller) {
    return visible.find(id, caller);
  }

  @WithSession
  public Uni<Page<Activity>> activities(UUID leadId, int page, int size, Caller caller) {
    return visible
        .find(leadId, caller)
        .chain(
            lead -> {
              var query =
                  activities.find(
                      "leadId", Sort.by("occurredAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending), leadId);
              return query
                  .page(io.quarkus.panache.common.Page.of(page, size))
                  .list()
                  .chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
            });
  }

  @WithSession
  public Uni<Page<HistoryEntry>> history(UUID leadId, int page, int size, Caller caller) {
    return visible
        .find(leadId, caller)
        .chain(
            lead -> {
              var query =
                  history.find(
                      "leadId", Sort.by("occurredAt", Sort.Direction.Descending).and("seq", Sort.Direction.Descending), leadId);
              return query
                  .page(io.quarkus.panache.common.Page.of(page, size))
                  .list()
                  .chain(items -> query.count().map(total -> new Page<>(items, page, size, total)));
            });
  }

  /** The leads that match {@code asked} among those the caller may see. */
  @WithSession
  public Uni<Page<Lead>> list(LeadListQuery asked, Caller caller) {
    LeadQuery query = asked.toQuery(stuckConversions.stuckBefore());
    LeadQuery visibleTo = caller.seesEveryOwner() ? query : query.and("ownerId = :visibleTo", "visibleTo", caller.id());
    var found = leads.find(visibleTo.where(), visibleTo.sort(), visibleTo.parameters());
    // One session runs one statement at a time: the page, then the count.
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, query.page(), query.size(), total)));
  }

  /** One page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** Sort and filters of the lead list, as a Panache query. */
  record LeadQuery(String where, Map<String, Object> parameters, Sort sort, int page, int size) {

    /** This query with one more condition. */
    LeadQuery and(String condition, String parameter, Object value) {
      Map<String, Object> more = new HashMap<>(parameters);
      more.put(parameter, value);
      return new LeadQuery("(" + where + ") and " + condition, more, sort, page, size);
    }
  }
}
