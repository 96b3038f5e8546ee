package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.leadflow.lead.domain.worklist.NextBestAction;
import org.leadflow.lead.domain.worklist.WorkItem;
import org.leadflow.lead.persistence.WorklistRows;
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;

/**
 * A seller's worklist: their Open leads in the order to work them, each with its next best action.
 * Whose: a seller's own, always (naming another owner is refused); a sales manager's, every owner's
 * unless {@code ownerId} names one.
 */
@ApplicationScoped
public class Worklists {

  @Inject WorklistRows rows;
  @Inject Clock clock;

  public record Entry(WorkItem item, NextBestAction next) {}

  public record Page(List<Entry> items, int page, int size, long total) {}

  public Uni<Page> page(Caller caller, String ownerId, int page, int size) {
    String owner;
    if (caller.seesEveryOwner()) {
      owner = ownerId;
    } else if (ownerId == null || ownerId.equals(caller.id())) {
      owner = caller.id();
    } else {
      throw new ActionForbiddenException("A seller's worklist is their own leads; only a sales manager may see another owner's");
    }
    Instant now = clock.instant();
    Instant tomorrow = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return Panache.withSession(() -> rows.page(owner, tomorrow, page, size))
        .map(found -> new Page(
            found.items().stream().map(item -> new Entry(item, NextBestAction.of(item, now))).toList(), page, size, found.total()));
  }
}
