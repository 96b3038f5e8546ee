package org.leadflow.lead.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leadflow.lead.domain.Activity;
import org.leadflow.lead.domain.Contactability;
import org.leadflow.lead.domain.Conversion;
import org.leadflow.lead.domain.ConversionPlan;
import org.leadflow.lead.domain.FieldChange;
import org.leadflow.lead.domain.HistoryEntry;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadAction;
import org.leadflow.lead.domain.LeadEvent;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.OpportunityOutcome;
import org.leadflow.lead.domain.StatusChanges;
import org.leadflow.lead.domain.assignment.AssignmentRule;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.CannotContactPolicy.GuardOverride;
import org.leadflow.lead.domain.policy.QualificationCheck;
import org.leadflow.lead.persistence.HistoryRepository;
import org.leadflow.messaging.Outbox;

/**
 * Records what happened to a lead, in the caller's transaction: an audit history entry and the
 * published event for each {@link LeadEvent}, in the order they happened.
 */
@ApplicationScoped
public class LeadEventRecorder {

  @Inject HistoryRepository history;
  @Inject LeadEvents published;
  @Inject Outbox outbox;
  @Inject ObjectMapper json;

  public Uni<Void> record(Lead lead, List<LeadEvent> events) {
    Uni<Void> recorded = Uni.createFrom().voidItem();
    for (LeadEvent event : events) {
      recorded =
          recorded
              .chain(() -> history.persist(historyEntry(event)))
              .chain(() -> published.publish(lead, event))
              .replaceWithVoid();
    }
    return recorded;
  }

  /**
   * {@link #record} for many leads at once (an import's chunk): their history entries inserted in one
   * statement and their events appended to the outbox in another, each lead's in order. The leads
   * must be in the database already (persisted and flushed): neither statement flushes the session.
   */
  public Uni<Void> recordAll(List<Lead> leads, List<List<LeadEvent>> events) {
    List<HistoryEntry> entries = new ArrayList<>();
    List<Outbox.Draft> drafts = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      for (LeadEvent event : events.get(i)) {
        entries.add(historyEntry(event));
        published.draft(leads.get(i), event, drafts);
      }
    }
    return history.insertAll(entries).chain(() -> outbox.appendAll(drafts));
  }

  private HistoryEntry historyEntry(LeadEvent event) {
    return event.accept(historyEntries);
  }

  private final LeadEvent.Visitor<HistoryEntry> historyEntries =
      new LeadEvent.Visitor<>() {

        @Override
        public HistoryEntry captured(LeadEvent.Captured captured) {
          Map<String, Object> details = new LinkedHashMap<>();
          if (captured.importId() != null) {
            details.put("importId", captured.importId().toString());
          }
          if (captured.assignment() != null) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("ruleId", captured.assignment().ruleId().toString());
            rule.put("ruleName", captured.assignment().ruleName());
            rule.put("distribution", captured.assignment().distribution() == AssignmentRule.Distribution.ROUND_ROBIN ? "round-robin" : "least-loaded");
            rule.put("ownerId", captured.assignment().ownerId());
            details.put("assignedBy", rule);
          }
          return entry(captured, "created", captured.values(), details.isEmpty() ? null : details);
        }

        @Override
        public HistoryEntry updated(LeadEvent.Updated updated) {
          return entry(updated, "updated", updated.changes(), null);
        }

        @Override
        public HistoryEntry statusChanged(LeadEvent.StatusChanged change) {
          List<FieldChange> changes = new ArrayList<>(StatusChanges.of(change));
          if (!Objects.equals(change.nurtureUntilBefore(), change.nurtureUntil())) {
            changes.add(new FieldChange("nurtureUntil", text(change.nurtureUntilBefore()), text(change.nurtureUntil())));
          }
          Map<String, Object> details = new LinkedHashMap<>();
          putIfSet(details, "note", change.note());
          putIfSet(details, "cause", change.cause().reason());
          GuardOverride override = change.cause().override();
          if (override != null) {
            details.put("policyOverride", guardOverride(override));
          }
          return entry(change, actionName(change.action()), changes, details.isEmpty() ? null : details);
        }

        @Override
        public HistoryEntry activityLogged(LeadEvent.ActivityLogged logged) {
          Activity activity = logged.activity();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("activityId", activity.id().toString());
          details.put("type", activity.details().type().label());
          details.put("subject", activity.details().subject());
          if (activity.details().outcome() != null) {
            details.put("outcome", activity.details().outcome().label());
          }
          return entry(logged, "activity-logged", List.of(), details);
        }

        @Override
        public HistoryEntry conversionRequested(LeadEvent.ConversionRequested requested) {
          Map<String, Object> details = planned(requested.plan());
          details.put("retry", requested.retry());
          QualificationCheck check = requested.check();
          if (check != null && check.policyVersion() != null && !requested.retry()) {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("version", check.policyVersion());
            policy.put("readiness", check.readiness());
            if (check.wasOverridden()) {
              policy.put("override", Map.of("by", check.overrideBy(), "justification", check.overrideJustification(), "criteria", check.overriddenCriteriaKeys()));
            }
            details.put("qualificationPolicy", policy);
          }
          return entry(requested, "conversion-requested", List.of(), details);
        }

        @Override
        public HistoryEntry conversionRepublished(LeadEvent.ConversionRepublished republished) {
          return entry(republished, "conversion-republished", List.of(), planned(republished.plan()));
        }

        @Override
        public HistoryEntry conversionResolved(LeadEvent.ConversionResolved resolved) {
          Conversion conversion = resolved.conversion();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("conversionId", conversion.id().toString());
          putIfSet(details, "opportunityId", conversion.opportunityId());
          putIfSet(details, "accountId", conversion.accountId());
          putIfSet(details, "contactId", conversion.contactId());
          putIfSet(details, "failureReason", conversion.failureReason());
          putIfSet(details, "failureDetail", conversion.failureDetail());
          return entry(resolved, "conversion-" + conversion.status().label(), List.of(), details);
        }

        @Override
        public HistoryEntry contactabilityChanged(LeadEvent.ContactabilityChanged changed) {
          Contactability flag = changed.after() != null ? changed.after() : changed.before();
          List<FieldChange> changes = List.of(new FieldChange("contactability.flagged", changed.before() != null, changed.after() != null));
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("attempts", flag.attempts());
          details.put("since", flag.since().toString());
          return entry(changed, changed.after() != null ? "cannot-contact-flagged" : "cannot-contact-cleared", changes, details);
        }

        @Override
        public HistoryEntry opportunityOutcomeChanged(LeadEvent.OpportunityOutcomeChanged changed) {
          OpportunityOutcome after = changed.after();
          OpportunityOutcome before = changed.before();
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("opportunityId", changed.opportunityId().toString());
          if (after != null) {
            putIfSet(details, "statusReason", after.statusReason());
            Money revenue = after.actualRevenue();
            putIfSet(details, "actualRevenue", revenue == null ? null : revenue.decimalAmount() + " " + revenue.currency());
            putIfSet(details, "competitor", after.competitor());
            putIfSet(details, "closeDate", after.closeDate() == null ? null : after.closeDate().toString());
          }
          List<FieldChange> changes = List.of(new FieldChange("opportunityOutcome", before == null ? null : before.result(), after == null ? null : after.result()));
          return entry(changed, after == null ? "opportunity-reopened" : "opportunity-" + after.result(), changes, details);
        }

        @Override
        public HistoryEntry agentActed(LeadEvent.AgentActed acted) {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("action", acted.action());
          putIfSet(details, "rule", acted.rule());
          details.put("reasons", acted.reasons());
          if (acted.policyVersion() != null) {
            details.put("agentPolicyVersion", acted.policyVersion());
          }
          boolean cleared = "clear-ready-to-qualify".equals(acted.action());
          return entry(acted, cleared ? "ready-to-qualify-cleared" : "agent-acted", List.of(), details);
        }

        @Override
        public HistoryEntry merged(LeadEvent.Merged merged) {
          return LeadEventRecorder.this.merged(merged);
        }
      };

  /**
   * The master's entry ("merged": the duplicate it took in, where each field came from, what moved; its
   * changed values are the "updated" entry before) or the duplicate's ("merged-into": its status change
   * and the master it went into).
   */
  private HistoryEntry merged(LeadEvent.Merged merged) {
    Map<String, Object> details = new LinkedHashMap<>();
    List<FieldChange> changes = List.of();
    if (merged.isMaster()) {
      details.put("mergedFrom", merged.duplicateId().toString());
      Map<String, String> choices = new LinkedHashMap<>();
      merged.choices().forEach((field, source) -> choices.put(field, source.label()));
      details.put("fields", choices);
    } else {
      details.put("mergedInto", merged.masterId().toString());
      changes = List.of(
          new FieldChange("state", merged.from().state().label(), merged.to().state().label()),
          new FieldChange("statusReason", merged.from().label(), merged.to().label()),
          new FieldChange("statusReasonCode", merged.from().code(), merged.to().code()));
    }
    details.put("activitiesMoved", merged.activitiesMoved());
    details.put("historyEntriesCopied", merged.historyEntriesCopied());
    return entry(merged, merged.isMaster() ? "merged" : "merged-into", changes, details);
  }

  /** A sales manager's override of the Cannot Contact guard, as the history keeps it. */
  private static Map<String, Object> guardOverride(GuardOverride override) {
    Map<String, Object> kept = new LinkedHashMap<>();
    kept.put("rule", CannotContactPolicy.GUARD_RULE);
    kept.put("by", override.by());
    putIfSet(kept, "byName", override.byName());
    kept.put("justification", override.justification());
    kept.put("attempts", override.attempts());
    kept.put("minimumAttempts", override.minimumAttempts());
    kept.put("policyVersion", override.policyVersion());
    return kept;
  }

  private static Map<String, Object> planned(ConversionPlan plan) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("conversionId", plan.conversionId().toString());
    putIfSet(details, "opportunityId", plan.opportunityId());
    putIfSet(details, "accountId", plan.accountId());
    putIfSet(details, "contactId", plan.contactId());
    return details;
  }

  private static String actionName(LeadAction action) {
    return switch (action) {
      case MARK_CONTACTED -> "marked-contacted";
      case LOG_ACTIVITY -> "contacted-by-outreach";
      case DISQUALIFY -> "disqualified";
      case REACTIVATE -> "reactivated";
      case QUALIFY -> "qualified";
      case UPDATE -> "updated";
      case MERGE_IN -> "merged";
      case MERGE_AWAY -> "merged-into";
    };
  }

  private static void putIfSet(Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value.toString());
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private HistoryEntry entry(
      LeadEvent event, String action, List<FieldChange> changes, Map<String, Object> details) {
    return new HistoryEntry(event, action, write(changes), details == null ? null : write(details));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("History entry cannot be written as JSON", e);
    }
  }
}
