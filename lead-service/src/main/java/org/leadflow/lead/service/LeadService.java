package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.Actor;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.HistoryEntry;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.Qualification;
import org.leadflow.lead.domain.StatusReason;
import org.leadflow.lead.persistence.ActivityRepository;
import org.leadflow.lead.persistence.HistoryRepository;
import org.leadflow.lead.persistence.LeadRepository;

/**
 * The lead use cases. Each write checks the caller's expected version, lets the lead decide
 * (domain), and commits the change, its history and its events in one transaction.
 */
@ApplicationScoped
public class LeadService {

  @Inject LeadRepository leads;
  @Inject ActivityRepository activities;
  @Inject HistoryRepository history;
  @Inject LeadEventRecorder recorder;
  @Inject Clock clock;

  /** Who changes a lead when opportunity-service answers its conversion. */
  private static final Actor OPPORTUNITY_SERVICE = Actor.system("opportunity-service");

  /** What an edit sets: everything a person edits on a lead. */
  public record LeadEdit(LeadDetails details, Qualification qualification, String ownerId) {}

  @WithTransaction
  public Uni<Lead> capture(LeadEdit edit, Actor actor) {
    Lead lead = Lead.capture(edit.details(), edit.qualification(), edit.ownerId(), actor, now());
    return leads
        .persist(lead)
        .call(() -> recorder.record(lead, List.of(lead.captured(actor))))
        .call(leads::flush);
  }

  @WithSession
  public Uni<Lead> get(UUID id) {
    return find(id);
  }

  /**
   * Edits a lead. {@code edit} computes the new values from the current lead (a merge patch is
   * applied to what is there now, inside the transaction).
   */
  @WithTransaction
  public Uni<Lead> update(UUID id, Optional<Long> expectedVersion, Actor actor, Function<Lead, LeadEdit> edit) {
    return change(id, expectedVersion, lead -> {
      LeadEdit values = edit.apply(lead);
      return lead.update(values.details(), values.qualification(), values.ownerId(), actor, now());
    });
  }

  @WithTransaction
  public Uni<Lead> markContacted(UUID id, Optional<Long> expectedVersion, Actor actor) {
    return change(id, expectedVersion, lead -> lead.markContacted(actor, now()));
  }

  @WithTransaction
  public Uni<Lead> disqualify(
      UUID id,
      Optional<Long> expectedVersion,
      StatusReason reason,
      String note,
      LocalDate nurtureUntil,
      Actor actor) {
    return change(id, expectedVersion, lead -> lead.disqualify(reason, note, nurtureUntil, actor, now()));
  }

  @WithTransaction
  public Uni<Lead> reactivate(UUID id, Optional<Long> expectedVersion, String note, Actor actor) {
    return change(id, expectedVersion, lead -> lead.reactivate(note, actor, now()));
  }

  /** Qualifies an Open lead and requests its conversion, in one transaction (DESIGN.md section 7). */
  @WithTransaction
  public Uni<Lead> qualify(
      UUID id, Optional<Long> expectedVersion, Function<Lead, ConversionPlan> plan, String request, Actor actor) {
    return change(id, expectedVersion, lead -> lead.qualify(plan.apply(lead), request, actor, now()));
  }

  /**
   * Retries a failed conversion.
   *
   * @param request the new request as received, or null to keep the one stored on the lead
   */
  @WithTransaction
  public Uni<Lead> retryConversion(
      UUID id, Optional<Long> expectedVersion, Function<Lead, ConversionPlan> plan, String request, Actor actor) {
    return change(
        id,
        expectedVersion,
        lead -> lead.retryConversion(plan.apply(lead), request != null ? request : lead.conversionRequest(), actor, now()));
  }

  @WithTransaction
  public Uni<Lead> conversionCompleted(
      UUID leadId, UUID conversionId, UUID opportunityId, UUID accountId, UUID contactId) {
    return change(
        leadId,
        Optional.empty(),
        lead -> lead.conversionCompleted(conversionId, opportunityId, accountId, contactId, OPPORTUNITY_SERVICE, now()));
  }

  @WithTransaction
  public Uni<Lead> conversionFailed(UUID leadId, UUID conversionId, String reason, String detail) {
    return change(
        leadId, Optional.empty(), lead -> lead.conversionFailed(conversionId, reason, detail, OPPORTUNITY_SERVICE, now()));
  }

  @WithTransaction
  public Uni<Activity> logActivity(UUID id, Activity.Details details, Actor actor) {
    return find(id)
        .chain(
            lead -> {
              Lead.ActivityLog log = lead.logActivity(details, actor, now());
              return activities
                  .persist(log.activity())
                  .call(() -> recorder.record(lead, log.events()))
                  .call(leads::flush);
            });
  }

  @WithSession
  public Uni<Page<Activity>> activities(UUID leadId, int page, int size) {
    return find(leadId)
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
  public Uni<Page<HistoryEntry>> history(UUID leadId, int page, int size) {
    return find(leadId)
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

  @WithSession
  public Uni<Page<Lead>> list(LeadQuery query) {
    var found = leads.find(query.where(), query.sort(), query.parameters());
    // One session runs one statement at a time: the page, then the count.
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, query.page(), query.size(), total)));
  }

  private Uni<Lead> change(UUID id, Optional<Long> expectedVersion, Function<Lead, List<LeadEvent>> action) {
    return find(id)
        .invoke(lead -> expectedVersion.ifPresent(expected -> {
          if (expected != lead.version()) {
            throw new StaleVersionException(expected, lead.version());
          }
        }))
        .chain(lead -> {
          List<LeadEvent> events = action.apply(lead);
          // Flushing now makes the new version (the ETag of the answer) known before commit.
          return recorder.record(lead, events).chain(leads::flush).replaceWith(lead);
        });
  }

  private Uni<Lead> find(UUID id) {
    return leads.findById(id).onItem().ifNull().failWith(() -> new LeadNotFoundException(id));
  }

  /** PostgreSQL keeps microseconds: rounding here makes the event, the row and the answer agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** One page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** Sort and filters of the lead list, as a Panache query. */
  public record LeadQuery(String where, Map<String, Object> parameters, Sort sort, int page, int size) {}
}
