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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  public record Opened(Opportunity opportunity, List<OpportunityLine> lines) {}

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
    List<OpportunityLine> lines = new ArrayList<>();
    for (int i = 0; i < draft.lines().size(); i++) {
      lines.add(OpportunityLine.of(opportunity.id, i + 1, draft.lines().get(i)));
    }
    return new Opened(opportunity, List.copyOf(lines));
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
}
