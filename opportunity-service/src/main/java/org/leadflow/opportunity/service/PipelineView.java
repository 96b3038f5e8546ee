package org.leadflow.opportunity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.leadflow.opportunity.domain.LeadFunnelFact;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.persistence.LeadFunnelFacts;
import org.leadflow.opportunity.persistence.PipelineFigures;
import org.leadflow.web.BusinessDates;
import org.leadflow.web.security.Caller;

/**
 * The pipeline as sales managers and sellers read it: the open opportunities by stage and by
 * estimated close month, and the funnel from leads to won opportunities. Amounts are summed per
 * currency, never across currencies. A seller's view holds only their own opportunities and leads;
 * naming another owner gives an empty view, as the lists do.
 */
@ApplicationScoped
public class PipelineView {

  private static final Logger LOG = Logger.getLogger(PipelineView.class);

  @Inject PipelineFigures figures;
  @Inject LeadFunnelFacts facts;

  /** The opportunities of one currency in a bucket: how many, their value and their weighted value. */
  public record Amount(String currency, long count, Money value, Money weightedValue) {}

  /**
   * Some open opportunities: how many in all, and their amounts per currency (those without an
   * estimated value are counted, but in no currency).
   */
  public record Bucket(long count, List<Amount> amounts) {}

  public record StageBucket(OpportunityStage stage, Bucket bucket) {}

  public record MonthBucket(YearMonth month, Bucket bucket) {}

  /** Every stage in the order of the process; the close months that have opportunities, ascending. */
  public record Pipeline(List<StageBucket> byStage, List<MonthBucket> byCloseMonth, Bucket withoutCloseDate, Bucket total) {}

  /** Which open opportunities: each member null for no restriction; the dates are both included. */
  public record Filter(String ownerId, LocalDate closeDateFrom, LocalDate closeDateTo, String currency) {}

  /** The open opportunities the filter and the caller's view admit, summed. */
  public Uni<Pipeline> pipeline(Filter filter, Caller caller) {
    String owner = ownerFor(filter.ownerId(), caller);
    if (owner == null && !caller.seesEveryOwner()) {
      return Uni.createFrom().item(summed(List.of()));
    }
    return figures.openOpportunities(owner, filter.closeDateFrom(), filter.closeDateTo(), filter.currency()).map(PipelineView::summed);
  }

  /** The funnel of the leads created from {@code from} to {@code to}, both included (UTC days). */
  public record Funnel(
      LocalDate from, LocalDate to, String ownerId, long leadsCreated, long leadsQualified, long opportunitiesWon, List<Money> wonRevenue) {}

  /**
   * The leads created in the period, how many of them were qualified, and how many of their
   * opportunities were won, with the revenue per currency (whenever they were qualified or won).
   */
  public Uni<Funnel> funnel(LocalDate from, LocalDate to, String ownerId, Caller caller) {
    String owner = ownerFor(ownerId, caller);
    if (owner == null && !caller.seesEveryOwner()) {
      return Uni.createFrom().item(new Funnel(from, to, ownerId, 0, 0, 0, List.of()));
    }
    return facts
        .cohort(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), owner)
        .map(cohort -> new Funnel(
            from,
            to,
            ownerId,
            cohort.created(),
            cohort.qualified(),
            cohort.won().stream().mapToLong(LeadFunnelFacts.Won::count).sum(),
            cohort.won().stream()
                .filter(won -> won.currency() != null && won.revenue() != null)
                .map(won -> Money.rounded(won.revenue(), won.currency()))
                .toList()));
  }

  /**
   * Records what a lead event tells the funnel. A fact whose times no business date has (years
   * before 1900 or after 9999) is left out: it could only be a producer's mistake, and the funnel
   * is no reason to hold up the events behind it.
   */
  public Uni<Void> record(LeadFunnelFact fact) {
    return recordable(fact) ? facts.record(fact) : Uni.createFrom().voidItem();
  }

  /** {@link #record}, in the caller's transaction: it commits or rolls back with the caller's work. */
  public Uni<Void> recordInTransaction(LeadFunnelFact fact) {
    return recordable(fact) ? facts.recordInTransaction(fact) : Uni.createFrom().voidItem();
  }

  private static boolean recordable(LeadFunnelFact fact) {
    if (!BusinessDates.accepts(fact.ownerSince())) {
      LOG.warnf("Lead %s: a funnel fact of %s is outside years 1900 to 9999; not recorded", fact.leadId(), fact.ownerSince());
      return false;
    }
    return true;
  }

  /**
   * The owner the figures are restricted to: the one asked for, if the caller sees it; for a seller
   * who asked for none, themselves; null for a sales manager who asked for none (everyone), or for a
   * seller who asked for another owner (nothing).
   */
  private static String ownerFor(String requested, Caller caller) {
    if (caller.seesEveryOwner()) {
      return requested;
    }
    return requested == null || requested.equals(caller.id()) ? caller.id() : null;
  }

  private static Pipeline summed(List<PipelineFigures.Group> groups) {
    List<StageBucket> byStage = new ArrayList<>();
    for (OpportunityStage stage : OpportunityStage.values()) {
      byStage.add(new StageBucket(stage, bucket(groups.stream().filter(group -> group.stage() == stage).toList())));
    }
    Map<YearMonth, List<PipelineFigures.Group>> months = new TreeMap<>();
    groups.stream()
        .filter(group -> group.closeMonth() != null)
        .forEach(group -> months.computeIfAbsent(group.closeMonth(), month -> new ArrayList<>()).add(group));
    List<MonthBucket> byMonth = months.entrySet().stream().map(month -> new MonthBucket(month.getKey(), bucket(month.getValue()))).toList();
    return new Pipeline(
        List.copyOf(byStage),
        byMonth,
        bucket(groups.stream().filter(group -> group.closeMonth() == null).toList()),
        bucket(groups));
  }

  /** The groups' counts and, per currency, their sums; weighted values are rounded once, at the end. */
  private static Bucket bucket(List<PipelineFigures.Group> groups) {
    Map<String, List<PipelineFigures.Group>> byCurrency = new TreeMap<>();
    groups.stream()
        .filter(group -> group.currency() != null)
        .forEach(group -> byCurrency.computeIfAbsent(group.currency(), currency -> new ArrayList<>()).add(group));
    List<Amount> amounts = new ArrayList<>();
    byCurrency.forEach((currency, ofCurrency) -> amounts.add(
        new Amount(
            currency,
            ofCurrency.stream().mapToLong(PipelineFigures.Group::count).sum(),
            Money.rounded(sum(ofCurrency, PipelineFigures.Group::value), currency),
            Money.rounded(sum(ofCurrency, PipelineFigures.Group::weightedValue), currency))));
    return new Bucket(groups.stream().mapToLong(PipelineFigures.Group::count).sum(), List.copyOf(amounts));
  }

  private static BigDecimal sum(List<PipelineFigures.Group> groups, Function<PipelineFigures.Group, BigDecimal> amount) {
    return groups.stream().map(amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
