package org.leadflow.lead.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * What a seller found out while qualifying (docs/architecture.md, section Qualification data): budget, authority, need,
 * timeline and fit, each with a note and who captured it when. The values and notes are what a
 * seller enters; the captures are set by the lead when a criterion's values change.
 *
 * <p>Embedded in {@link Lead}, each criterion in the columns named on it ({@code budget_status},
 * {@code budget_captured_by}, ...). A criterion whose columns are all empty is read back as its
 * {@code NONE}, a qualification without any as {@link #EMPTY}.
 */
@Embeddable
public record Qualification(
    @Embedded Budget budget,
    @Embedded Authority authority,
    @Embedded Need need,
    @Embedded Timeline timeline,
    @Embedded Fit fit) {

  public static final Qualification EMPTY =
      new Qualification(Budget.NONE, Authority.NONE, Need.NONE, Timeline.NONE, Fit.NONE);

  public Qualification {
    budget = budget == null ? Budget.NONE : budget;
    authority = authority == null ? Authority.NONE : authority;
    need = need == null ? Need.NONE : need;
    timeline = timeline == null ? Timeline.NONE : timeline;
    fit = fit == null ? Fit.NONE : fit;
  }

  /**
   * This qualification with {@code entered} values; a criterion whose values or note changed is
   * stamped as captured by {@code by} at {@code at}, the others keep their capture.
   */
  public Qualification enter(Qualification entered, String by, Instant at) {
    Capture now = new Capture(by, at);
    return new Qualification(
        entered.budget.sameAs(budget) ? budget : entered.budget.capturedAs(now),
        entered.authority.sameAs(authority) ? authority : entered.authority.capturedAs(now),
        entered.need.sameAs(need) ? need : entered.need.capturedAs(now),
        entered.timeline.sameAs(timeline) ? timeline : entered.timeline.capturedAs(now),
        entered.fit.sameAs(fit) ? fit : entered.fit.capturedAs(now));
  }

  @Embeddable
  public record Budget(
      @Embedded
          @AttributeOverride(name = "amount", column = @Column(name = "budget_amount"))
          @AttributeOverride(name = "currency", column = @Column(name = "budget_currency"))
          Money amount,
      @Enumerated(EnumType.STRING) @Column(name = "budget_status") BudgetStatus status,
      @Column(name = "budget_note") String note,
      @Embedded
          @AttributeOverride(name = "by", column = @Column(name = "budget_captured_by"))
          @AttributeOverride(name = "at", column = @Column(name = "budget_captured_at"))
          Capture captured) {
    public static final Budget NONE = new Budget(null, null, null, null);

    boolean sameAs(Budget other) {
      return Objects.equals(amount, other.amount) && status == other.status && Objects.equals(note, other.note);
    }

    Budget capturedAs(Capture capture) {
      return new Budget(amount, status, note, capture);
    }
  }

  @Embeddable
  public record Authority(
      @Column(name = "decision_maker") Boolean decisionMaker,
      @Enumerated(EnumType.STRING) @Column(name = "purchase_process") PurchaseProcess purchaseProcess,
      @Column(name = "authority_note") String note,
      @Embedded
          @AttributeOverride(name = "by", column = @Column(name = "authority_captured_by"))
          @AttributeOverride(name = "at", column = @Column(name = "authority_captured_at"))
          Capture captured) {
    public static final Authority NONE = new Authority(null, null, null, null);

    boolean sameAs(Authority other) {
      return Objects.equals(decisionMaker, other.decisionMaker)
          && purchaseProcess == other.purchaseProcess
          && Objects.equals(note, other.note);
    }

    Authority capturedAs(Capture capture) {
      return new Authority(decisionMaker, purchaseProcess, note, capture);
    }
  }

  @Embeddable
  public record Need(
      @Enumerated(EnumType.STRING) @Column(name = "need") NeedLevel level,
      @Column(name = "need_note") String note,
      @Embedded
          @AttributeOverride(name = "by", column = @Column(name = "need_captured_by"))
          @AttributeOverride(name = "at", column = @Column(name = "need_captured_at"))
          Capture captured) {
    public static final Need NONE = new Need(null, null, null);

    boolean sameAs(Need other) {
      return level == other.level && Objects.equals(note, other.note);
    }

    Need capturedAs(Capture capture) {
      return new Need(level, note, capture);
    }
  }

  @Embeddable
  public record Timeline(
      @Enumerated(EnumType.STRING) @Column(name = "purchase_timeframe") PurchaseTimeframe purchaseTimeframe,
      @Column(name = "timeline_note") String note,
      @Embedded
          @AttributeOverride(name = "by", column = @Column(name = "timeline_captured_by"))
          @AttributeOverride(name = "at", column = @Column(name = "timeline_captured_at"))
          Capture captured) {
    public static final Timeline NONE = new Timeline(null, null, null);

    boolean sameAs(Timeline other) {
      return purchaseTimeframe == other.purchaseTimeframe && Objects.equals(note, other.note);
    }

    Timeline capturedAs(Capture capture) {
      return new Timeline(purchaseTimeframe, note, capture);
    }
  }

  /** Fit with the ideal customer profile; its data are the lead's industry, size, revenue and country. */
  @Embeddable
  public record Fit(
      @Column(name = "fit_note") String note,
      @Embedded
          @AttributeOverride(name = "by", column = @Column(name = "fit_captured_by"))
          @AttributeOverride(name = "at", column = @Column(name = "fit_captured_at"))
          Capture captured) {
    public static final Fit NONE = new Fit(null, null);

    boolean sameAs(Fit other) {
      return Objects.equals(note, other.note);
    }

    Fit capturedAs(Capture capture) {
      return new Fit(note, capture);
    }
  }
}
