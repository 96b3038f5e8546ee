package org.leadflow.opportunity.domain;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A potential sale, created from a qualified lead and linked to it for good: there is at most one
 * opportunity per originating lead.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity {

  static final int MAX_NAME = 300;
  static final int MAX_TEXT = 4000;
  static final int MAX_COMPETITOR = 200;
  static final int MAX_OWNER_ID = 100;
  /** A close date is a business date: years before and after these are typing mistakes or attacks. */
  static final LocalDate EARLIEST_CLOSE_DATE = LocalDate.of(1900, 1, 1);
  static final LocalDate LATEST_CLOSE_DATE = LocalDate.of(9999, 12, 31);

  @Id private UUID id;

  private UUID originatingLeadId;
  private UUID conversionId;
  private String name;
  private String ownerId;
  private UUID accountId;
  private UUID contactId;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "estimated_value_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "estimated_value_currency"))
  })
  private Money estimatedValue;

  private LocalDate estimatedCloseDate;

  @Enumerated(EnumType.STRING)
  private OpportunityState state;

  @Enumerated(EnumType.STRING)
  private OpportunityStatusReason statusReason;

  private Instant createdAt;

  private String description;
  private String customerNeed;
  private String proposedSolution;
  private LocalDate finalProposalDate;

  @Enumerated(EnumType.STRING)
  private OpportunityStage stage;

  private Instant stageEnteredAt;
  private int probability;

  @Enumerated(EnumType.STRING)
  private EstimatedValueSource estimatedValueSource;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "actual_revenue_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "actual_revenue_currency"))
  })
  private Money actualRevenue;

  private LocalDate actualCloseDate;
  private String competitor;
  private String closeNote;
  private Instant closedAt;
  private Instant updatedAt;

  @Version private long version;

  protected Opportunity() {}

  /** What a conversion asks for; see {@link #defaultName} for a draft without a name. */
  public record Draft(
      UUID id,
      UUID originatingLeadId,
      UUID conversionId,
      String name,
      String ownerId,
      List<OpportunityLine.Draft> lines,
      Money statedValue,
      Money budget,
      LocalDate estimatedCloseDate) {}

  /** A new opportunity with its lines, to be stored together. */
  public record Opened(Opportunity opportunity, List<OpportunityLine> lines, StageVisit firstStage) {}

  /**
   * Opens an opportunity Open/In Progress for the account and contact (either may be null), valued
   * by {@link EstimatedValuePolicy}.
   *
   * @throws ConversionFailedException when the lines mix currencies, the name is missing or too long,
   *     or the close date is outside years 1900 to 9999
   */
  public static Opened open(Draft draft, UUID accountId, UUID contactId, Instant now) {
    Money value = EstimatedValuePolicy.estimate(draft.lines(), draft.statedValue(), draft.budget());
    if (draft.name() == null || draft.name().isBlank()) {
      throw new ConversionFailedException(ConversionFailure.INVALID_OPPORTUNITY, "The opportunity has no name");
    }
    if (draft.name().strip().length() > MAX_NAME) {
      throw new ConversionFailedException(
          ConversionFailure.INVALID_OPPORTUNITY, "The opportunity's name is longer than " + MAX_NAME + " characters");
    }
    LocalDate closeDate = draft.estimatedCloseDate();
    if (closeDate != null && (closeDate.isBefore(EARLIEST_CLOSE_DATE) || closeDate.isAfter(LATEST_CLOSE_DATE))) {
      throw new ConversionFailedException(
          ConversionFailure.INVALID_OPPORTUNITY,
          "estimatedCloseDate must be from " + EARLIEST_CLOSE_DATE + " to " + LATEST_CLOSE_DATE + ", not " + closeDate);
    }
    Opportunity opportunity = new Opportunity();
    opportunity.id = Objects.requireNonNull(draft.id(), "id");
    opportunity.originatingLeadId = Objects.requireNonNull(draft.originatingLeadId(), "originatingLeadId");
    opportunity.conversionId = draft.conversionId();
    opportunity.name = draft.name().strip();
    opportunity.ownerId = draft.ownerId();
    opportunity.accountId = accountId;
    opportunity.contactId = contactId;
    opportunity.estimatedValue = value;
    opportunity.estimatedCloseDate = draft.estimatedCloseDate();
    opportunity.statusReason = OpportunityStatusReason.IN_PROGRESS;
    opportunity.state = opportunity.statusReason.state();
    opportunity.createdAt = now;
    opportunity.updatedAt = now;
    opportunity.stage = OpportunityStage.QUALIFY;
    opportunity.stageEnteredAt = now;
    opportunity.estimatedValueSource =
        draft.lines().isEmpty() && value != null ? EstimatedValueSource.USER : EstimatedValueSource.LINES;
    List<OpportunityLine> lines = new ArrayList<>();
    for (int i = 0; i < draft.lines().size(); i++) {
      lines.add(OpportunityLine.of(opportunity.id, i + 1, draft.lines().get(i)));
    }
    return new Opened(opportunity, List.copyOf(lines), StageVisit.first(opportunity.id, OpportunityStage.QUALIFY, null, now));
  }

  /** The probability of its first stage (its setting is read when the opportunity is opened). */
  public void startWithProbability(int stageDefault) {
    this.probability = stageDefault;
  }

  /**
   * The name an opportunity gets when the seller gave none: the company, else the person, as
   * Dynamics titles a converted lead's opportunity after it.
   */
  public static String defaultName(String companyName, String firstName, String lastName) {
    if (companyName != null && !companyName.isBlank()) {
      return companyName.strip();
    }
    String person =
        Stream.of(firstName, lastName)
            .filter(part -> part != null && !part.isBlank())
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return person.isEmpty() ? "Opportunity" : person;
  }

  /** Whether this opportunity was made by the conversion with this id (a repeat of it changes nothing). */
  public boolean madeBy(UUID conversion) {
    return Objects.equals(conversionId, conversion);
  }

  public UUID id() {
    return id;
  }

  public UUID originatingLeadId() {
    return originatingLeadId;
  }

  public UUID conversionId() {
    return conversionId;
  }

  public String name() {
    return name;
  }

  public String ownerId() {
    return ownerId;
  }

  public UUID accountId() {
    return accountId;
  }

  public UUID contactId() {
    return contactId;
  }

  public Money estimatedValue() {
    return estimatedValue;
  }

  public LocalDate estimatedCloseDate() {
    return estimatedCloseDate;
  }

  public OpportunityState state() {
    return state;
  }

  public OpportunityStatusReason statusReason() {
    return statusReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }

  public String description() {
    return description;
  }

  public String customerNeed() {
    return customerNeed;
  }

  public String proposedSolution() {
    return proposedSolution;
  }

  public LocalDate finalProposalDate() {
    return finalProposalDate;
  }

  public OpportunityStage stage() {
    return stage;
  }

  public Instant stageEnteredAt() {
    return stageEnteredAt;
  }

  public int probability() {
    return probability;
  }

  public EstimatedValueSource estimatedValueSource() {
    return estimatedValueSource;
  }

  public Money actualRevenue() {
    return actualRevenue;
  }

  public LocalDate actualCloseDate() {
    return actualCloseDate;
  }

  public String competitor() {
    return competitor;
  }

  public String closeNote() {
    return closeNote;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  // --- The pipeline: each change checks the opportunity's state, changes it and says what changed. ---

  /** What a seller edits, all at once (a merge patch applied to the current values). */
  public record Edit(
      String name,
      String description,
      LocalDate estimatedCloseDate,
      int probability,
      EstimatedValueSource estimatedValueSource,
      Money estimatedValue,
      String customerNeed,
      String proposedSolution,
      LocalDate finalProposalDate,
      String ownerId) {}

  /** The values a seller edits, as they are now. */
  public Edit editable() {
    return new Edit(
        name, description, estimatedCloseDate, probability, estimatedValueSource, estimatedValue, customerNeed,
        proposedSolution, finalProposalDate, ownerId);
  }

  /**
   * Takes the edited values; with {@link EstimatedValueSource#LINES} the estimated value is the sum of
   * the lines, whatever the edit says.
   *
   * @return the fields that changed (none: nothing changed)
   * @throws OpportunityActionNotAllowedException unless Open
   * @throws InvalidValuesException when a value is out of range
   * @throws CurrencyMismatchException when a user-provided value is not in the lines' currency
   */
  public List<ChangedField> edit(Edit edit, List<OpportunityLine> lines, Instant now) {
    requireOpen("edit");
    List<InvalidValuesException.Violation> errors = new ArrayList<>();
    if (edit.name() == null || edit.name().isBlank() || edit.name().strip().length() > MAX_NAME) {
      errors.add(new InvalidValuesException.Violation("name", "is required, at most " + MAX_NAME + " characters"));
    }
    text(errors, "description", edit.description());
    text(errors, "customerNeed", edit.customerNeed());
    text(errors, "proposedSolution", edit.proposedSolution());
    date(errors, "estimatedCloseDate", edit.estimatedCloseDate());
    date(errors, "finalProposalDate", edit.finalProposalDate());
    if (edit.probability() < 0 || edit.probability() > 100) {
      errors.add(new InvalidValuesException.Violation("probability", "must be from 0 to 100"));
    }
    if (edit.ownerId() == null || edit.ownerId().isBlank() || edit.ownerId().length() > MAX_OWNER_ID) {
      errors.add(new InvalidValuesException.Violation("ownerId", "is required, at most " + MAX_OWNER_ID + " characters"));
    }
    if (edit.estimatedValueSource() == null) {
      errors.add(new InvalidValuesException.Violation("estimatedValueSource", "must be lines or user"));
    } else if (edit.estimatedValue() != null && edit.estimatedValue().isNegative()) {
      errors.add(new InvalidValuesException.Violation("estimatedValue", "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidValuesException(errors);
    }
    Money value = edit.estimatedValueSource() == EstimatedValueSource.LINES ? sum(lines) : edit.estimatedValue();
    if (value != null && !lines.isEmpty() && !value.currency().equals(lines.get(0).unitPrice().currency())) {
      throw new CurrencyMismatchException(
          "estimatedValue", value.currency(), lines.get(0).unitPrice().currency(), "the currency of the opportunity's lines");
    }
    Changes changes = new Changes();
    name = changes.track("name", name, edit.name().strip());
    description = changes.track("description", description, edit.description());
    estimatedCloseDate = changes.track("estimatedCloseDate", estimatedCloseDate, edit.estimatedCloseDate());
    probability = changes.track("probability", probability, edit.probability());
    estimatedValueSource = changes.track("estimatedValueSource", estimatedValueSource, edit.estimatedValueSource());
    estimatedValue = changes.track("estimatedValue", estimatedValue, value);
    customerNeed = changes.track("customerNeed", customerNeed, edit.customerNeed());
    proposedSolution = changes.track("proposedSolution", proposedSolution, edit.proposedSolution());
    finalProposalDate = changes.track("finalProposalDate", finalProposalDate, edit.finalProposalDate());
    ownerId = changes.track("ownerId", ownerId, edit.ownerId());
    return touched(changes, now);
  }

  /** A move from one stage to another. */
  public record StageMove(OpportunityStage from, OpportunityStage to, List<ChangedField> changes) {}

  /**
   * Moves to {@code target}. Moving forward needs the data every stage up to the target requires;
   * moving back needs nothing. The probability becomes the target's default.
   *
   * @param settings every stage's setting
   * @return empty when the opportunity is in {@code target} already (nothing changes)
   * @throws OpportunityActionNotAllowedException unless Open
   * @throws StageDataMissingException naming what is missing
   */
  public Optional<StageMove> moveTo(OpportunityStage target, List<StageSetting> settings, int lineCount, Instant now) {
    requireOpen("move-stage");
    if (target == stage) {
      return Optional.empty();
    }
    if (target.isAfter(stage)) {
      List<StageRequirement> missing =
          settings.stream()
              .filter(setting -> !setting.stage().isAfter(target))
              .flatMap(setting -> setting.requiredData().stream())
              .distinct()
              .filter(requirement -> !requirement.isMetBy(this, lineCount))
              .sorted()
              .toList();
      if (!missing.isEmpty()) {
        throw new StageDataMissingException(target, missing);
      }
    }
    int defaultProbability =
        settings.stream().filter(setting -> setting.stage() == target).findFirst().orElseThrow().defaultProbability();
    OpportunityStage from = stage;
    Changes changes = new Changes();
    stage = changes.track("stage", stage, target);
    probability = changes.track("probability", probability, defaultProbability);
    stageEnteredAt = now;
    return Optional.of(new StageMove(from, target, touched(changes, now)));
  }

  /**
   * Closes as won: Won/Won.
   *
   * @param revenue the actual revenue; null for the estimated value
   * @param closeDate the actual close date; null for today (UTC)
   * @throws OpportunityActionNotAllowedException unless Open
   * @throws CurrencyMismatchException when the revenue is not in the opportunity's currency
   */
  public List<ChangedField> win(Money revenue, LocalDate closeDate, String note, List<OpportunityLine> lines, Instant now) {
    requireOpen("win");
    List<InvalidValuesException.Violation> errors = new ArrayList<>();
    date(errors, "actualCloseDate", closeDate);
    text(errors, "note", note);
    if (revenue != null && revenue.isNegative()) {
      errors.add(new InvalidValuesException.Violation("actualRevenue", "must not be negative"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidValuesException(errors);
    }
    String currency = currency(lines);
    if (revenue != null && currency != null && !revenue.currency().equals(currency)) {
      throw new CurrencyMismatchException("actualRevenue", revenue.currency(), currency, "the opportunity's currency");
    }
    return close(OpportunityStatusReason.WON, revenue != null ? revenue : estimatedValue, closeDate, null, note, now);
  }

  /**
   * Closes as lost: Lost/Canceled or Lost/Out-Sold.
   *
   * @param closeDate the actual close date; null for today (UTC)
   * @throws OpportunityActionNotAllowedException unless Open
   */
  public List<ChangedField> lose(OpportunityStatusReason reason, String competitorName, String note, LocalDate closeDate, Instant now) {
    requireOpen("lose");
    List<InvalidValuesException.Violation> errors = new ArrayList<>();
    if (reason == null || reason.state() != OpportunityState.LOST) {
      errors.add(new InvalidValuesException.Violation("statusReason", "must be Canceled or Out-Sold"));
    }
    if (competitorName != null && (competitorName.isBlank() || competitorName.length() > MAX_COMPETITOR)) {
      errors.add(new InvalidValuesException.Violation("competitor", "must have 1 to " + MAX_COMPETITOR + " characters"));
    }
    text(errors, "note", note);
    date(errors, "actualCloseDate", closeDate);
    if (!errors.isEmpty()) {
      throw new InvalidValuesException(errors);
    }
    return close(reason, null, closeDate, competitorName == null ? null : competitorName.strip(), note, now);
  }

  private List<ChangedField> close(
      OpportunityStatusReason reason, Money revenue, LocalDate closeDate, String competitorName, String note, Instant now) {
    Changes changes = new Changes();
    state = changes.track("state", state, reason.state());
    statusReason = changes.track("statusReason", statusReason, reason);
    actualRevenue = changes.track("actualRevenue", actualRevenue, revenue);
    actualCloseDate = changes.track("actualCloseDate", actualCloseDate, closeDate != null ? closeDate : LocalDate.ofInstant(now, ZoneOffset.UTC));
    competitor = changes.track("competitor", competitor, competitorName);
    closeNote = changes.track("closeNote", closeNote, note);
    closedAt = now;
    return touched(changes, now);
  }

  /**
   * Opens a won or lost opportunity again: Open/In Progress, its close data cleared (the history keeps it).
   *
   * @throws OpportunityActionNotAllowedException unless Won or Lost
   */
  public List<ChangedField> reopen(Instant now) {
    if (state == OpportunityState.OPEN) {
      throw new OpportunityActionNotAllowedException(statusReason, "reopen");
    }
    Changes changes = new Changes();
    state = changes.track("state", state, OpportunityState.OPEN);
    statusReason = changes.track("statusReason", statusReason, OpportunityStatusReason.IN_PROGRESS);
    actualRevenue = changes.track("actualRevenue", actualRevenue, null);
    actualCloseDate = changes.track("actualCloseDate", actualCloseDate, null);
    competitor = changes.track("competitor", competitor, null);
    closeNote = changes.track("closeNote", closeNote, null);
    closedAt = null;
    return touched(changes, now);
  }

  /**
   * Open/In Progress → Open/On Hold.
   *
   * @throws OpportunityActionNotAllowedException unless In Progress
   */
  public List<ChangedField> putOnHold(Instant now) {
    return changeStatus(OpportunityStatusReason.IN_PROGRESS, OpportunityStatusReason.ON_HOLD, "put-on-hold", now);
  }

  /**
   * Open/On Hold → Open/In Progress.
   *
   * @throws OpportunityActionNotAllowedException unless On Hold
   */
  public List<ChangedField> resume(Instant now) {
    return changeStatus(OpportunityStatusReason.ON_HOLD, OpportunityStatusReason.IN_PROGRESS, "resume", now);
  }

  private List<ChangedField> changeStatus(OpportunityStatusReason from, OpportunityStatusReason to, String action, Instant now) {
    if (statusReason != from) {
      throw new OpportunityActionNotAllowedException(statusReason, action);
    }
    Changes changes = new Changes();
    statusReason = changes.track("statusReason", statusReason, to);
    return touched(changes, now);
  }

  // --- Lines: the opportunity holds them to one currency and follows them when its value does. ---

  /** Most lines one opportunity has. */
  public static final int MAX_LINES = 100;

  /**
   * A new line, numbered after the last; a catalogue product's line has its defaults already.
   *
   * @param lines the opportunity's lines now
   * @throws OpportunityActionNotAllowedException unless Open
   * @throws InvalidValuesException when a value is out of range, or the opportunity has {@link #MAX_LINES}
   * @throws CurrencyMismatchException when the line is not in the opportunity's currency
   */
  public LineChange addLine(OpportunityLine.Values values, List<OpportunityLine> lines, Instant now) {
    requireOpen("add-line");
    if (lines.size() >= MAX_LINES) {
      throw InvalidValuesException.of("lines", "an opportunity has at most " + MAX_LINES + " lines");
    }
    requireCurrency(values, lines, null);
    int number = lines.stream().mapToInt(OpportunityLine::lineNumber).max().orElse(0) + 1;
    OpportunityLine line = OpportunityLine.written(id, number, values);
    List<OpportunityLine> after = new ArrayList<>(lines);
    after.add(line);
    return lineChanged(line, "lines[" + number + "]", null, describe(line), after, now);
  }

  /**
   * Changes a line's values.
   *
   * @throws OpportunityActionNotAllowedException unless Open
   * @throws InvalidValuesException when a value is out of range
   * @throws CurrencyMismatchException when the line is not in the opportunity's currency
   */
  public LineChange changeLine(OpportunityLine line, OpportunityLine.Values values, List<OpportunityLine> lines, Instant now) {
    requireOpen("change-line");
    requireCurrency(values, lines, line);
    Map<String, Object> before = describe(line);
    line.change(values);
    return lineChanged(line, "lines[" + line.lineNumber() + "]", before, describe(line), lines, now);
  }

  /**
   * Removes a line.
   *
   * @param lines the opportunity's lines now, {@code line} included
   * @throws OpportunityActionNotAllowedException unless Open
   */
  public LineChange removeLine(OpportunityLine line, List<OpportunityLine> lines, Instant now) {
    requireOpen("remove-line");
    List<OpportunityLine> after = lines.stream().filter(other -> !other.id().equals(line.id())).toList();
    return lineChanged(line, "lines[" + line.lineNumber() + "]", describe(line), null, after, now);
  }

  /** What a change of the lines did: the line, and every field of the opportunity that changed. */
  public record LineChange(OpportunityLine line, List<ChangedField> changes) {}

  private LineChange lineChanged(
      OpportunityLine line, String field, Object before, Object after, List<OpportunityLine> linesAfter, Instant now) {
    Changes changes = new Changes();
    changes.track(field, before, after);
    if (estimatedValueSource == EstimatedValueSource.LINES) {
      estimatedValue = changes.track("estimatedValue", estimatedValue, sum(linesAfter));
    }
    return new LineChange(line, touched(changes, now));
  }

  private void requireCurrency(OpportunityLine.Values values, List<OpportunityLine> lines, OpportunityLine changed) {
    if (values.unitPrice() == null) {
      return;
    }
    List<OpportunityLine> others = lines.stream().filter(other -> changed == null || !other.id().equals(changed.id())).toList();
    // Without other lines, a value that follows the lines has no currency of its own to keep.
    String currency = !others.isEmpty() || estimatedValueSource == EstimatedValueSource.USER ? currency(others) : null;
    if (currency != null && !currency.equals(values.unitPrice().currency())) {
      throw new CurrencyMismatchException("unitPrice", values.unitPrice().currency(), currency, "the opportunity's currency");
    }
  }

  /** The opportunity's currency: its lines', else its estimated value's; null while it has neither. */
  public String currency(List<OpportunityLine> lines) {
    if (!lines.isEmpty()) {
      return lines.get(0).unitPrice().currency();
    }
    return estimatedValue == null ? null : estimatedValue.currency();
  }

  /** The sum of the lines' extended amounts; null without lines. */
  private static Money sum(List<OpportunityLine> lines) {
    try {
      return lines.stream().map(OpportunityLine::amount).reduce(Money::plus).orElse(null);
    } catch (IllegalArgumentException e) {
      throw InvalidValuesException.of("lines", "the sum of the lines is too large");
    }
  }

  private static Map<String, Object> describe(OpportunityLine line) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (line.productId() != null) {
      values.put("productId", line.productId());
    }
    values.put("productName", line.productName());
    values.put("quantity", line.quantity().stripTrailingZeros().toPlainString());
    values.put("unitPrice", line.unitPrice());
    values.put("discount", line.discount());
    values.put("tax", line.tax());
    values.put("extendedAmount", line.amount());
    return values;
  }

  private void requireOpen(String action) {
    if (state != OpportunityState.OPEN) {
      throw new OpportunityActionNotAllowedException(statusReason, action);
    }
  }

  /** Every change touches the opportunity, so its version (the ETag) moves on. */
  private List<ChangedField> touched(Changes changes, Instant now) {
    if (!changes.list().isEmpty()) {
      updatedAt = now;
    }
    return changes.list();
  }

  private static void text(List<InvalidValuesException.Violation> errors, String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      errors.add(new InvalidValuesException.Violation(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }

  private static void date(List<InvalidValuesException.Violation> errors, String field, LocalDate value) {
    if (value != null && (value.isBefore(EARLIEST_CLOSE_DATE) || value.isAfter(LATEST_CLOSE_DATE))) {
      errors.add(new InvalidValuesException.Violation(field, "must be from " + EARLIEST_CLOSE_DATE + " to " + LATEST_CLOSE_DATE));
    }
  }

  /** Collects the fields that change, with old and new values as the API shows them. */
  private static final class Changes {
    private final List<ChangedField> list = new ArrayList<>();

    <T> T track(String field, T before, T after) {
      if (!Objects.equals(before, after)) {
        list.add(new ChangedField(field, ChangedField.shown(before), ChangedField.shown(after)));
      }
      return after;
    }

    List<ChangedField> list() {
      return List.copyOf(list);
    }
  }
}
