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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.leadflow.web.security.ActionForbiddenException;
import org.leadflow.web.security.Caller;
import org.leadflow.web.security.Roles;

/**
 * The lead use cases. Each one reads the lead as the caller may see it (a seller only their own: any
 * other lead is "not found"), each write checks the caller's expected version, lets the lead decide
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

  /**
   * Captures a new lead, owned by the caller unless the edit names another owner, which only those
   * who assign owners may do.
   */
  @WithTransaction
  public Uni<Lead> capture(LeadEdit edit, Caller caller) {
    String owner = edit.ownerId() == null ? caller.id() : edit.ownerId();
    if (!owner.equals(caller.id()) && !caller.mayAssignOwners()) {
      throw new ActionForbiddenException("Only a sales manager or an integration may create a lead for another owner");
    }
    Actor actor = actorOf(caller);
    Lead lead = Lead.capture(edit.details(), edit.qualification(), owner, actor, now());
    return leads
        .persist(lead)
        .call(() -> recorder.record(lead, List.of(lead.captured(actor))))
        .call(leads::flush);
  }

  @WithSession
  public Uni<Lead> get(UUID id, Caller caller) {
    return find(id, caller);
  }

  /**
   * Edits a lead. {@code edit} computes the new values from the current lead (a merge patch is
   * applied to what is there now, inside the transaction).
   */
  @WithTransaction
  public Uni<Lead> update(UUID id, Optional<Long> expectedVersion, Caller caller, Function<Lead, LeadEdit> edit) {
    return change(id, expectedVersion, caller, lead -> {
      LeadEdit values = edit.apply(lead);
      if (!Objects.equals(values.ownerId(), lead.ownerId()) && !caller.seesEveryOwner()) {
        throw new ActionForbiddenException("Only a sales manager may reassign a lead to another owner");
      }
      return lead.update(values.details(), values.qualification(), values.ownerId(), actorOf(caller), now());
    });
  }

  @WithTransaction
  public Uni<Lead> markContacted(UUID id, Optional<Long> expectedVersion, Caller caller) {
    return change(id, expectedVersion, caller, lead -> lead.markContacted(actorOf(caller), now()));
  }

  @WithTransaction
  public Uni<Lead> disqualify(
      UUID id,
      Optional<Long> expectedVersion,
      StatusReason reason,
      String note,
      LocalDate nurtureUntil,
      Caller caller) {
    return change(
        id, expectedVersion, caller, lead -> lead.disqualify(reason, note, nurtureUntil, actorOf(caller), now()));
  }

  @WithTransaction
  public Uni<Lead> reactivate(UUID id, Optional<Long> expectedVersion, String note, Caller caller) {
    return change(id, expectedVersion, caller, lead -> lead.reactivate(note, actorOf(caller), now()));
  }

  /** Qualifies an Open lead and requests its conversion, in one transaction (docs/architecture.md, section Conversion). */
  @WithTransaction
  public Uni<Lead> qualify(
      UUID id, Optional<Long> expectedVersion, Function<Lead, ConversionPlan> plan, String request, Caller caller) {
    return change(id, expectedVersion, caller, lead -> lead.qualify(plan.apply(lead), request, actorOf(caller), now()));
  }

  /**
   * Retries a failed conversion.
   *
   * @param request the new request as received, or null to keep the one stored on the lead
   */
  @WithTransaction
  public Uni<Lead> retryConversion(
      UUID id, Optional<Long> expectedVersion, Function<Lead, ConversionPlan> plan, String request, Caller caller) {
    return change(
        id,
        expectedVersion,
        caller,
        lead ->
            lead.retryConversion(
                plan.apply(lead), request != null ? request : lead.conversionRequest(), actorOf(caller), now()));
  }

  /**
   * Publishes the pending conversion's LeadQualified again (its answer may have been lost), for a
   * sales manager or an admin, who both reach every lead for this; the lead itself is unchanged.
   *
   * @param plan the current conversion's plan, rebuilt from the lead
   */
  @WithTransaction
  public Uni<Lead> republishConversion(
      UUID id, Optional<Long> expectedVersion, Function<Lead, ConversionPlan> plan, Caller caller) {
    return find(id)
        .invoke(lead -> {
          if (!caller.seesEveryOwner() && !caller.has(Roles.ADMIN)) {
            throw new LeadNotFoundException(id);
          }
          requireVersion(lead, expectedVersion);
        })
        .call(lead -> recorder.record(lead, lead.republishConversion(() -> plan.apply(lead), actorOf(caller), now())));
  }

  @WithTransaction
  public Uni<Lead> conversionCompleted(
      UUID leadId, UUID conversionId, UUID opportunityId, UUID accountId, UUID contactId) {
    return change(
        leadId,
        Optional.empty(),
        null,
        lead -> lead.conversionCompleted(conversionId, opportunityId, accountId, contactId, OPPORTUNITY_SERVICE, now()));
  }

  @WithTransaction
  public Uni<Lead> conversionFailed(UUID leadId, UUID conversionId, String reason, String detail) {
    return change(
        leadId, Optional.empty(), null, lead -> lead.conversionFailed(conversionId, reason, detail, OPPORTUNITY_SERVICE, now()));
  }

  @WithTransaction
  public Uni<Activity> logActivity(UUID id, Activity.Details details, Caller caller) {
    return find(id, caller)
        .chain(
            lead -> {
              Lead.ActivityLog log = lead.logActivity(details, actorOf(caller), now());
              return activities
                  .persist(log.activity())
                  .call(() -> recorder.record(lead, log.events()))
                  .call(leads::flush);
            });
  }

  @WithSession
  public Uni<Page<Activity>> activities(UUID leadId, int page, int size, Caller caller) {
    return find(leadId, caller)
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
    return find(leadId, caller)
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

  /** The leads that match {@code query} among those the caller may see. */
  @WithSession
  public Uni<Page<Lead>> list(LeadQuery query, Caller caller) {
    LeadQuery visible = caller.seesEveryOwner() ? query : query.and("ownerId = :visibleTo", "visibleTo", caller.id());
    var found = leads.find(visible.where(), visible.sort(), visible.parameters());
    // One session runs one statement at a time: the page, then the count.
    return found
        .page(io.quarkus.panache.common.Page.of(query.page(), query.size()))
        .list()
        .chain(items -> found.count().map(total -> new Page<>(items, query.page(), query.size(), total)));
  }

  /**
   * @param caller who asks for the change, or null when LeadFlow makes it on its own (an event from
   *     another service)
   */
  private Uni<Lead> change(
      UUID id, Optional<Long> expectedVersion, Caller caller, Function<Lead, List<LeadEvent>> action) {
    return (caller == null ? find(id) : find(id, caller))
        .invoke(lead -> requireVersion(lead, expectedVersion))
        .chain(lead -> {
          List<LeadEvent> events = action.apply(lead);
          // Flushing now makes the new version (the ETag of the answer) known before commit.
          return recorder.record(lead, events).chain(leads::flush).replaceWith(lead);
        });
  }

  private static void requireVersion(Lead lead, Optional<Long> expectedVersion) {
    expectedVersion.ifPresent(expected -> {
      if (expected != lead.version()) {
        throw new StaleVersionException(expected, lead.version());
      }
    });
  }

  private Uni<Lead> find(UUID id) {
    return leads.findById(id).onItem().ifNull().failWith(() -> new LeadNotFoundException(id));
  }

  /**
   * Another owner's lead is as unknown to a seller as one that does not exist (docs/architecture.md, section
   * Security and visibility).
   */
  private Uni<Lead> find(UUID id, Caller caller) {
    return find(id)
        .invoke(lead -> {
          if (!caller.mayAccess(lead.ownerId())) {
            throw new LeadNotFoundException(id);
          }
        });
  }

  /** What the audit history records of a caller: an integration's changes come through an import. */
  private static Actor actorOf(Caller caller) {
    return new Actor(caller.id(), caller.name(), caller.isServiceAccount() ? Actor.Channel.IMPORT : Actor.Channel.USER);
  }

  /** PostgreSQL keeps microseconds: rounding here makes the event, the row and the answer agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** One page of a collection. */
  public record Page<T>(List<T> items, int page, int size, long total) {}

  /** Sort and filters of the lead list, as a Panache query. */
  public record LeadQuery(String where, Map<String, Object> parameters, Sort sort, int page, int size) {

    /** This query with one more condition. */
    LeadQuery and(String condition, String parameter, Object value) {
      Map<String, Object> more = new HashMap<>(parameters);
      more.put(parameter, value);
      return new LeadQuery("(" + where + ") and " + condition, more, sort, page, size);
    }
  }
}
