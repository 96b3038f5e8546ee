package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.messaging.LeadEvents;
import org.leadflow.lead.persistence.LeadRepository;

/** The lead use cases. Each write commits the change and its event in one transaction. */
@ApplicationScoped
public class LeadService {

  @Inject LeadRepository leads;
  @Inject LeadEvents events;
  @Inject Clock clock;

  @WithTransaction
  public Uni<Lead> capture(LeadDetails details, String ownerId) {
    Lead lead = Lead.capture(details, ownerId, now());
    return leads.persist(lead).call(events::created);
  }

  @WithSession
  public Uni<Lead> get(UUID id) {
    return leads.findById(id).onItem().ifNull().failWith(() -> new LeadNotFoundException(id));
  }

  @WithSession
  public Uni<LeadPage> list(LeadQuery query) {
    var found = leads.find(query.where(), query.sort(), query.parameters());
    // One session runs one statement at a time: the page, then the count.
    return found
        .page(Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new LeadPage(items, query.page(), query.size(), total)));
  }

  /** PostgreSQL keeps microseconds: rounding here makes the event and the row agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  public record LeadPage(List<Lead> items, int page, int size, long total) {}

  /** Sort and filters of the lead list, as a Panache query. */
  public record LeadQuery(
      String where, Map<String, Object> parameters, Sort sort, int page, int size) {}
}
