package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * How the opportunity made from the lead ended, as opportunity-service published it: won (with its
 * actual revenue) or lost (Canceled or Out-Sold, to a competitor or not). Embedded in the lead (columns
 * {@code outcome_*}); none while the opportunity is open. It is what scoring learns from.
 *
 * @param result {@code won} or {@code lost}
 * @param statusReason the opportunity's status reason: Won, Canceled or Out-Sold
 */
@Embeddable
public record OpportunityOutcome(
    @Column(name = "outcome_result") String result,
    @Column(name = "outcome_status_reason") String statusReason,
    @Column(name = "outcome_opportunity_id") UUID opportunityId,
    @Column(name = "outcome_revenue_amount") BigDecimal actualRevenueAmount,
    @Column(name = "outcome_revenue_currency") String actualRevenueCurrency,
    @Column(name = "outcome_competitor") String competitor,
    @Column(name = "outcome_close_date") LocalDate closeDate,
    @Column(name = "outcome_recorded_at") Instant recordedAt) {

  public static final String WON = "won";
  public static final String LOST = "lost";

  public static OpportunityOutcome won(UUID opportunityId, Money actualRevenue, LocalDate closeDate, Instant at) {
    return new OpportunityOutcome(
        WON,
        "Won",
        opportunityId,
        actualRevenue == null ? null : actualRevenue.amount(),
        actualRevenue == null ? null : actualRevenue.currency(),
        null,
        closeDate,
        at);
  }

  public static OpportunityOutcome lost(UUID opportunityId, String statusReason, String competitor, LocalDate closeDate, Instant at) {
    return new OpportunityOutcome(LOST, statusReason, opportunityId, null, null, competitor, closeDate, at);
  }

  public Money actualRevenue() {
    return actualRevenueAmount == null ? null : new Money(actualRevenueAmount, actualRevenueCurrency);
  }

  /** Whether two outcomes (null: open) say the same: a repeated event changes nothing. */
  static boolean same(OpportunityOutcome one, OpportunityOutcome other) {
    if (one == null || other == null) {
      return one == other;
    }
    return one.result.equals(other.result) && one.statusReason.equals(other.statusReason);
  }
}
