package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.persistence.LeadRepository;
import org.leadflow.lead.service.LeadEventRecorder;
import org.leadflow.lead.service.VisibleLeads;
import org.leadflow.web.security.Caller;

/**
 * The steps every change of a lead shares: read the lead as the caller may see it, check the version
 * the caller expects, let the lead decide, and record what happened (history and events) with the
 * change, in the command's transaction.
 */
@ApplicationScoped
public class LeadChanges {

  @Inject VisibleLeads visible;
  @Inject LeadRepository leads;
  @Inject LeadEventRecorder recorder;
  @Inject LeadReadiness readiness;
  @Inject Clock clock;

  /**
   * Changes a lead as {@code action} decides, and records it.
   *
   * @param caller who asks for the change, or null when LeadFlow makes it on its own (an event from
   *     another service)
   */
  Uni<Lead> change(UUID id, Optional<Long> expectedVersion, Caller caller, Function<Lead, List<LeadEvent>> action) {
    return find(id, expectedVersion, caller).chain(lead -> record(lead, action.apply(lead)));
  }

  /** The lead at the version the caller expects, as the caller (null: LeadFlow itself) may see it. */
  Uni<Lead> find(UUID id, Optional<Long> expectedVersion, Caller caller) {
    return (caller == null ? visible.find(id) : visible.find(id, caller))
        .invoke(lead -> VisibleLeads.requireVersion(lead, expectedVersion));
  }

  /**
   * Records the events of a change, and flushes it: the new version (the answer's ETag) is known
   * before commit. An edit of what is known about the lead measures it again by the qualification
   * policy, for the list (a new lead is measured before it is persisted: {@link #measured}).
   */
  Uni<Lead> record(Lead lead, List<LeadEvent> events) {
    Uni<Void> measured =
        events.stream().anyMatch(event -> event instanceof LeadEvent.Updated) ? readiness.measure(lead, now()) : Uni.createFrom().voidItem();
    return measured.chain(() -> recorder.record(lead, events)).chain(leads::flush).replaceWith(lead);
  }

  /** A new lead measured by the qualification policy, before it is persisted (so that it is inserted once). */
  Uni<Lead> measured(Lead lead) {
    return readiness.measure(lead, now()).replaceWith(lead);
  }

  /** What the audit history records of a caller: an integration's changes come through an import. */
  static Actor actorOf(Caller caller) {
    return new Actor(caller.id(), caller.name(), caller.isServiceAccount() ? Actor.Channel.IMPORT : Actor.Channel.USER);
  }

  /** PostgreSQL keeps microseconds: rounding here makes the event, the row and the answer agree. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
