package org.leadflow.lead.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A potential customer who showed interest but is not yet a confirmed opportunity.
 *
 * <p>Every change goes through a method here that checks the lead's status ({@link LeadLifecycle})
 * and answers the {@link LeadEvent}s it produced, for the audit history and the outbox.
 */
@Entity
@Table(name = "lead")
public class Lead {

  private static final int MAX_FAILURE_REASON = 100;
  private static final int MAX_FAILURE_DETAIL = 2000;

  @Id private UUID id;

  private String firstName;
  private String lastName;
  private String companyName;
  private String jobTitle;
  private String email;
  private String phone;
  private String website;

  @Enumerated(EnumType.STRING)
  private LeadSource source;

  private String industry;
  private Integer numberOfEmployees;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "annual_revenue_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "annual_revenue_currency"))
  })
  private Money annualRevenue;

  private String country;
  private String city;
  private String ownerId;
  private String description;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Object> attributes = new HashMap<>();

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "budget_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "budget_currency"))
  })
  private Money budgetAmount;

  @Enumerated(EnumType.STRING)
  private BudgetStatus budgetStatus;

  private String budgetNote;
  private String budgetCapturedBy;
  private Instant budgetCapturedAt;
  private Boolean decisionMaker;

  @Enumerated(EnumType.STRING)
  private PurchaseProcess purchaseProcess;

  private String authorityNote;
  private String authorityCapturedBy;
  private Instant authorityCapturedAt;

  @Enumerated(EnumType.STRING)
  private NeedLevel need;

  private String needNote;
  private String needCapturedBy;
  private Instant needCapturedAt;

  @Enumerated(EnumType.STRING)
  private PurchaseTimeframe purchaseTimeframe;

  private String timelineNote;
  private String timelineCapturedBy;
  private Instant timelineCapturedAt;
  private String fitNote;
  private String fitCapturedBy;
  private Instant fitCapturedAt;

  @Enumerated(EnumType.STRING)
  private LeadState state;

  @Enumerated(EnumType.STRING)
  private StatusReason statusReason;

  private LocalDate nurtureUntil;

  private UUID conversionId;

  @Enumerated(EnumType.STRING)
  private ConversionStatus conversionStatus;

  private UUID conversionOpportunityId;
  private UUID conversionAccountId;
  private UUID conversionContactId;
  private String conversionFailureReason;
  private String conversionFailureDetail;
  private Instant conversionRequestedAt;
  /** Who asked for the current conversion (qualified the lead, or retried its conversion). */
  private String conversionRequestedBy;
  private Instant conversionResolvedAt;

  /** The qualify request as received, so that a failed conversion can be retried as it was asked. */
  @org.hibernate.annotations.ColumnTransformer(read = "conversion_request::text", write = "cast(cast(? as text) as jsonb)")
  private String conversionRequest;

  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  protected Lead() {}

  /** A new lead starts Open/New. */
  public static Lead capture(
      LeadDetails details, Qualification qualification, String ownerId, Actor actor, Instant now) {
    Lead lead = new Lead();
    lead.id = TimeOrderedIds.next();
    lead.apply(details);
    lead.apply(Qualification.EMPTY.enter(qualification, actor.id(), now));
    lead.ownerId = ownerId;
    lead.state = LeadState.OPEN;
    lead.statusReason = StatusReason.NEW;
    lead.createdAt = now;
    lead.updatedAt = now;
    return lead;
  }

  /** The event of {@link #capture}: every value the lead was created with. */
  public LeadEvent.Captured captured(Actor actor) {
    List<FieldChange> values = new ArrayList<>();
    editableFields().forEach((field, value) -> {
      if (value != null && !(value instanceof Map<?, ?> map && map.isEmpty())) {
        values.add(new FieldChange(field, null, value));
      }
    });
    return new LeadEvent.Captured(id, actor, createdAt, values);
  }

  /**
   * Replaces what is known about the lead. Only an Open lead can be edited.
   *
   * @return the change, or empty when nothing differs
   */
  public List<LeadEvent> update(
      LeadDetails details, Qualification qualification, String newOwnerId, Actor actor, Instant now) {
    LeadLifecycle.require(statusReason, LeadAction.UPDATE);
    Map<String, Object> before = editableFields();
    apply(details);
    apply(qualification().enter(qualification, actor.id(), now));
    ownerId = newOwnerId;
    List<FieldChange> changes = differences(before, editableFields());
    if (changes.isEmpty()) {
      return List.of();
    }
    updatedAt = now;
    return List.of(new LeadEvent.Updated(id, actor, now, changes));
  }

  public List<LeadEvent> markContacted(Actor actor, Instant now) {
    return changeStatus(
        LeadAction.MARK_CONTACTED, LeadLifecycle.markContacted(statusReason), null, nurtureUntil, actor, now);
  }

  public List<LeadEvent> disqualify(
      StatusReason reason, String note, LocalDate nurtureUntil, Actor actor, Instant now) {
    StatusReason next = LeadLifecycle.disqualify(statusReason, reason);
    return changeStatus(LeadAction.DISQUALIFY, next, note, nurtureUntil, actor, now);
  }

  public List<LeadEvent> reactivate(String note, Actor actor, Instant now) {
    StatusReason next = LeadLifecycle.reactivate(statusReason);
    return changeStatus(LeadAction.REACTIVATE, next, note, null, actor, now);
  }

  /**
   * Qualifies an Open lead: it becomes Qualified (final) and its conversion is requested.
   *
   * @param request the request as received, kept for a retry
   */
  public List<LeadEvent> qualify(ConversionPlan plan, String request, Actor actor, Instant now) {
    List<LeadEvent> events = new ArrayList<>(
        changeStatus(LeadAction.QUALIFY, LeadLifecycle.qualify(statusReason), null, null, actor, now));
    events.add(requestConversion(plan, request, false, actor, now));
    return events;
  }

  /** Asks again for a conversion that failed, possibly with a corrected plan. */
  public List<LeadEvent> retryConversion(ConversionPlan plan, String request, Actor actor, Instant now) {
    if (conversionStatus != ConversionStatus.FAILED) {
      throw new ConversionNotRetryableException(id, conversionStatus);
    }
    return List.of(requestConversion(plan, request, true, actor, now));
  }

  private LeadEvent requestConversion(ConversionPlan plan, String request, boolean retry, Actor actor, Instant now) {
    conversionId = plan.conversionId();
    conversionStatus = ConversionStatus.PENDING;
    conversionOpportunityId = plan.opportunityId();
    conversionAccountId = plan.accountId();
    conversionContactId = plan.contactId();
    conversionFailureReason = null;
    conversionFailureDetail = null;
    conversionRequestedAt = now;
    conversionRequestedBy = actor.id();
    conversionResolvedAt = null;
    conversionRequest = request;
    updatedAt = now;
    return new LeadEvent.ConversionRequested(id, actor, now, plan, retry);
  }

  /**
   * Asks opportunity-service again for the pending conversion, whose answer may have been lost: the
   * same request (the same conversion and ids, as {@code plan} must hold them) under a new event.
   * Safe because opportunity-service answers a conversion it knows with its outcome. The lead itself
   * does not change.
   *
   * @param currentPlan rebuilds the current conversion's plan from the request it was asked with
   *     (asked only of a pending conversion)
   * @throws ConversionNotPendingException when the conversion is not pending
   */
  public List<LeadEvent> republishConversion(Supplier<ConversionPlan> currentPlan, Actor actor, Instant now) {
    if (conversionStatus != ConversionStatus.PENDING) {
      throw new ConversionNotPendingException(id, conversionStatus);
    }
    ConversionPlan plan = currentPlan.get();
    if (!plan.conversionId().equals(conversionId)) {
      throw new IllegalArgumentException("The plan of conversion " + plan.conversionId() + " is not the lead's " + conversionId);
    }
    return List.of(new LeadEvent.ConversionRepublished(id, actor, now, plan, conversionRequestedAt, conversionRequestedBy));
  }

  /**
   * Records opportunity-service's answer. An answer about an earlier conversion (one that was
   * retried since) changes nothing.
   */
  public List<LeadEvent> conversionCompleted(
      UUID conversion, UUID opportunityId, UUID accountId, UUID contactId, Actor actor, Instant now) {
    if (!conversion.equals(conversionId) || conversionStatus == ConversionStatus.COMPLETED) {
      return List.of();
    }
    conversionStatus = ConversionStatus.COMPLETED;
    conversionOpportunityId = opportunityId;
    conversionAccountId = accountId;
    conversionContactId = contactId;
    conversionResolvedAt = now;
    updatedAt = now;
    return List.of(new LeadEvent.ConversionResolved(id, actor, now, conversion()));
  }

  public List<LeadEvent> conversionFailed(UUID conversion, String reason, String detail, Actor actor, Instant now) {
    if (!conversion.equals(conversionId) || conversionStatus != ConversionStatus.PENDING) {
      return List.of();
    }
    conversionStatus = ConversionStatus.FAILED;
    // Cut to what the columns hold: an overlong answer must still fail the conversion, not leave it pending.
    conversionFailureReason = clip(reason, MAX_FAILURE_REASON);
    conversionFailureDetail = clip(detail, MAX_FAILURE_DETAIL);
    conversionResolvedAt = now;
    updatedAt = now;
    return List.of(new LeadEvent.ConversionResolved(id, actor, now, conversion()));
  }

  private static String clip(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 2)) ? length - 2 : length - 1;
    return text.substring(0, end) + "…";
  }

  /** The latest conversion, or null when the lead was never qualified. */
  public Conversion conversion() {
    if (conversionId == null) {
      return null;
    }
    return new Conversion(
        conversionId,
        conversionStatus,
        conversionOpportunityId,
        conversionAccountId,
        conversionContactId,
        conversionFailureReason,
        conversionFailureDetail,
        conversionRequestedAt,
        conversionResolvedAt);
  }

  public String conversionRequest() {
    return conversionRequest;
  }

  /**
   * Logs an activity on the lead's timeline; the first completed outreach moves a New lead to
   * Contacted.
   */
  public ActivityLog logActivity(Activity.Details details, Actor actor, Instant now) {
    LeadLifecycle.require(statusReason, LeadAction.LOG_ACTIVITY);
    Activity activity = Activity.log(id, details, actor, now);
    List<LeadEvent> events = new ArrayList<>();
    events.add(new LeadEvent.ActivityLogged(id, actor, now, activity));
    if (activity.isCompletedOutreach() && statusReason == StatusReason.NEW) {
      events.addAll(
          changeStatus(
              LeadAction.LOG_ACTIVITY,
              LeadLifecycle.afterCompletedOutreach(statusReason),
              "First completed outreach: " + details.type().label(),
              nurtureUntil,
              actor,
              now));
    }
    // Otherwise the lead itself is unchanged: its version (ETag) stays, so that logging a call does
    // not make a colleague's pending edit stale.
    return new ActivityLog(activity, events);
  }

  /** An activity and the events logging it produced. */
  public record ActivityLog(Activity activity, List<LeadEvent> events) {}

  private List<LeadEvent> changeStatus(
      LeadAction action, StatusReason next, String note, LocalDate nurture, Actor actor, Instant now) {
    StatusReason previous = statusReason;
    LocalDate previousNurture = nurtureUntil;
    statusReason = next;
    state = next.state();
    nurtureUntil = nurture;
    updatedAt = now;
    return List.of(
        new LeadEvent.StatusChanged(
            id, actor, now, action, previous, next, note, previousNurture, nurtureUntil));
  }

  private void apply(LeadDetails details) {
    firstName = details.firstName();
    lastName = details.lastName();
    companyName = details.companyName();
    jobTitle = details.jobTitle();
    email = details.email();
    phone = details.phone();
    website = details.website();
    source = details.source();
    industry = details.industry();
    numberOfEmployees = details.numberOfEmployees();
    annualRevenue = details.annualRevenue();
    country = details.country();
    city = details.city();
    description = details.description();
    attributes = new HashMap<>(details.attributes());
  }

  private void apply(Qualification qualification) {
    Qualification.Budget budget = qualification.budget();
    budgetAmount = budget.amount();
    budgetStatus = budget.status();
    budgetNote = budget.note();
    budgetCapturedBy = by(budget.captured());
    budgetCapturedAt = at(budget.captured());
    Qualification.Authority authority = qualification.authority();
    decisionMaker = authority.decisionMaker();
    purchaseProcess = authority.purchaseProcess();
    authorityNote = authority.note();
    authorityCapturedBy = by(authority.captured());
    authorityCapturedAt = at(authority.captured());
    Qualification.Need needed = qualification.need();
    need = needed.level();
    needNote = needed.note();
    needCapturedBy = by(needed.captured());
    needCapturedAt = at(needed.captured());
    Qualification.Timeline timeline = qualification.timeline();
    purchaseTimeframe = timeline.purchaseTimeframe();
    timelineNote = timeline.note();
    timelineCapturedBy = by(timeline.captured());
    timelineCapturedAt = at(timeline.captured());
    fitNote = qualification.fit().note();
    fitCapturedBy = by(qualification.fit().captured());
    fitCapturedAt = at(qualification.fit().captured());
  }

  public LeadDetails details() {
    return new LeadDetails(
        firstName, lastName, companyName, jobTitle, email, phone, website, source, industry,
        numberOfEmployees, annualRevenue, country, city, description, attributes);
  }

  public Qualification qualification() {
    return new Qualification(
        new Qualification.Budget(budgetAmount, budgetStatus, budgetNote, capture(budgetCapturedBy, budgetCapturedAt)),
        new Qualification.Authority(
            decisionMaker, purchaseProcess, authorityNote, capture(authorityCapturedBy, authorityCapturedAt)),
        new Qualification.Need(need, needNote, capture(needCapturedBy, needCapturedAt)),
        new Qualification.Timeline(
            purchaseTimeframe, timelineNote, capture(timelineCapturedBy, timelineCapturedAt)),
        new Qualification.Fit(fitNote, capture(fitCapturedBy, fitCapturedAt)));
  }

  /**
   * Every field a person edits, by its API name, with JSON-friendly values: what the audit history
   * and {@code leadflow.lead.updated.v1} compare.
   */
  public Map<String, Object> editableFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("firstName", firstName);
    fields.put("lastName", lastName);
    fields.put("companyName", companyName);
    fields.put("jobTitle", jobTitle);
    fields.put("email", email);
    fields.put("phone", phone);
    fields.put("website", website);
    fields.put("source", source == null ? null : source.label());
    fields.put("industry", industry);
    fields.put("numberOfEmployees", numberOfEmployees);
    fields.put("annualRevenue", money(annualRevenue));
    fields.put("country", country);
    fields.put("city", city);
    fields.put("ownerId", ownerId);
    fields.put("description", description);
    fields.put("attributes", Map.copyOf(attributes));
    fields.put("qualification.budget.amount", money(budgetAmount));
    fields.put("qualification.budget.status", budgetStatus == null ? null : budgetStatus.label());
    fields.put("qualification.budget.note", budgetNote);
    fields.put("qualification.authority.decisionMaker", decisionMaker);
    fields.put(
        "qualification.authority.purchaseProcess", purchaseProcess == null ? null : purchaseProcess.label());
    fields.put("qualification.authority.note", authorityNote);
    fields.put("qualification.need.level", need == null ? null : need.label());
    fields.put("qualification.need.note", needNote);
    fields.put(
        "qualification.timeline.purchaseTimeframe",
        purchaseTimeframe == null ? null : purchaseTimeframe.label());
    fields.put("qualification.timeline.note", timelineNote);
    fields.put("qualification.fit.note", fitNote);
    return fields;
  }

  private static List<FieldChange> differences(Map<String, Object> before, Map<String, Object> after) {
    List<FieldChange> changes = new ArrayList<>();
    after.forEach((field, value) -> {
      Object old = before.get(field);
      if (!Objects.equals(old, value)) {
        changes.add(new FieldChange(field, old, value));
      }
    });
    return changes;
  }

  private static Map<String, String> money(Money money) {
    if (money == null) {
      return null;
    }
    Map<String, String> value = new LinkedHashMap<>();
    value.put("amount", money.decimalAmount());
    value.put("currency", money.currency());
    return value;
  }

  private static Capture capture(String by, Instant at) {
    return by == null && at == null ? null : new Capture(by, at);
  }

  private static String by(Capture capture) {
    return capture == null ? null : capture.by();
  }

  private static Instant at(Capture capture) {
    return capture == null ? null : capture.at();
  }

  public UUID id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public LeadState state() {
    return state;
  }

  public StatusReason statusReason() {
    return statusReason;
  }

  public LocalDate nurtureUntil() {
    return nurtureUntil;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
