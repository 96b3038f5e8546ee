package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.leadflow.lead.config.LeadsConfig;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.HistoryEntry;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.lead.persistence.HistoryRepository;
import org.leadflow.lead.persistence.LeadListRows;
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
  @Inject LeadListRows listRows;
  @Inject LeadsConfig config;

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

  /**
   * The leads that match {@code asked} among those the caller may see: one page (by offset, or after a
   * cursor by the sort value and id), the cursor of the next page, and the total. The total is exact up to
   * {@code leadflow.leads.list.exact-total-limit} matching leads, or whenever {@code asked.exactTotal()};
   * above the limit it is the planner's estimate, never below the leads actually counted. Counting every
   * one of 196,000 matching index entries took 129 ms at 1,000,000 leads, the page 1.5 ms
   * (docs/benchmarks.md).
   */
  @WithSession
  public Uni<LeadListPage> list(LeadListQuery asked, Caller caller) {
    LeadListQuery.LeadListSql filters = asked.toSql(stuckConversions.stuckBefore());
    LeadListQuery.LeadListSql visibleTo =
        caller.seesEveryOwner() ? filters : filters.and("l.owner_id = :visibleTo", "visibleTo", caller.id());
    LeadListQuery.LeadListSql page = visibleTo.page();
    long offset = asked.after() == null ? (long) asked.page() * asked.size() : 0;
    // One session runs one statement at a time: the page's ids (one more than asked, to know whether a page follows),
    // its leads, then the total unless the page has shown it.
    return listRows
        .page(page.where(), page.parameters(), page.sortColumn(), page.order(), asked.size() + 1, offset)
        .chain(rows -> {
          boolean more = rows.size() > asked.size();
          List<LeadListRows.Row> shown = more ? rows.subList(0, asked.size()) : rows;
          LeadListRows.Row last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
          String next = more ? asked.after(last.sortValue(), last.id()).encode() : null;
          boolean totalSeen = asked.after() == null && !more && (offset == 0 || !shown.isEmpty());
          return inOrder(shown)
              .chain(items -> (totalSeen ? Uni.createFrom().item(new Total(offset + shown.size(), false)) : total(asked, visibleTo))
                  .map(total -> new LeadListPage(items, asked.pageNumber(), asked.size(), total.count(), total.estimated(), next)));
        });
  }

  private Uni<List<Lead>> inOrder(List<LeadListRows.Row> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<UUID> ids = rows.stream().map(LeadListRows.Row::id).toList();
    return leads.list("id in ?1", ids).map(found -> {
      Map<UUID, Lead> byId = new HashMap<>();
      found.forEach(lead -> byId.put(lead.id(), lead));
      // A lead deleted between the two statements is left out (merged leads stay, so this is rare).
      return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    });
  }

  private Uni<Total> total(LeadListQuery asked, LeadListQuery.LeadListSql filters) {
    if (asked.exactTotal()) {
      return listRows.count(filters.where(), filters.parameters()).map(count -> new Total(count, false));
    }
    int limit = config.list().exactTotalLimit();
    return listRows
        .countUpTo(filters.where(), filters.parameters(), limit)
        .chain(counted -> counted <= limit
            ? Uni.createFrom().item(new Total(counted, false))
            : listRows.estimate(filters.where(), filters.parameters()).map(estimate -> new Total(Math.max(estimate, counted), true)));
  }

  private record Total(long count, boolean estimated) {}

  /**
   * One page of the lead list.
   *
   * @param totalIsEstimate true: {@code total} is the planner's estimate (above {@code leadflow.leads.list.exact-total-limit})
   * @param nextCursor where the next page starts; null on the last page
   */
  public record LeadListPage(List<Lead> items, int page, int size, long total, boolean totalIsEstimate, String nextCursor) {}

  /** One page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}
}
