package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.persistence.OpportunityLineRepository;
import org.leadflow.opportunity.persistence.OpportunityRepository;
import org.leadflow.web.security.Caller;

/** Reads opportunities with their lines. */
@ApplicationScoped
public class OpportunityQueries {

  @Inject OpportunityRepository opportunities;
  @Inject OpportunityLineRepository lines;

  /** An opportunity and its lines, in line order. */
  public record OpportunityWithLines(Opportunity opportunity, List<OpportunityLine> lines) {}

  @WithSession
  public Uni<OpportunityWithLines> get(UUID id, Caller caller) {
    return opportunities
        .findById(id)
        .map(found -> found != null && caller.mayAccess(found.ownerId()) ? found : null)
        .onItem()
        .ifNull()
        .failWith(() -> RecordNotFoundException.opportunity(id))
        .chain(opportunity -> withLines(List.of(opportunity)))
        .map(found -> found.get(0));
  }

  @WithSession
  public Uni<Page<OpportunityWithLines>> list(ListQuery query, Caller caller) {
    ListQuery visible = Visibility.restrict(query, Visibility.OWN, caller);
    var found = opportunities.find(visible.where(), visible.sort(), visible.parameters());
    // One session runs one statement at a time: the page, its count, then the page's lines.
    return found
        .page(io.quarkus.panache.common.Page.of(visible.page(), visible.size()))
        .list()
        .chain(
            items ->
                found
                    .count()
                    .chain(total -> withLines(items).map(page -> new Page<>(page, visible.page(), visible.size(), total))));
  }

  /** The opportunities with their lines, read in one query. */
  private Uni<List<OpportunityWithLines>> withLines(List<Opportunity> items) {
    return lines
        .ofOpportunities(items.stream().map(Opportunity::id).toList())
        .map(
            all -> {
              Map<UUID, List<OpportunityLine>> byOpportunity =
                  all.stream().collect(Collectors.groupingBy(OpportunityLine::opportunityId));
              return items.stream()
                  .map(o -> new OpportunityWithLines(o, byOpportunity.getOrDefault(o.id(), List.of())))
                  .toList();
            });
  }
}
