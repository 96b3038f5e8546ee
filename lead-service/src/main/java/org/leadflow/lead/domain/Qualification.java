package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a seller found out while qualifying (docs/architecture.md, section Qualification data): budget, authority, need,
 * timeline and fit, each with a note and who captured it when. The values and notes are what a
 * seller enters; the captures are set by the lead when a criterion's values change.
 */
public record Qualification(
    Budget budget, Authority authority, Need need, Timeline timeline, Fit fit) {

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

  public record Budget(Money amount, BudgetStatus status, String note, Capture captured) {
    public static final Budget NONE = new Budget(null, null, null, null);

    boolean sameAs(Budget other) {
      return Objects.equals(amount, other.amount) && status == other.status && Objects.equals(note, other.note);
    }

    Budget capturedAs(Capture capture) {
      return new Budget(amount, status, note, capture);
    }
  }

  public record Authority(Boolean decisionMaker, PurchaseProcess purchaseProcess, String note, Capture captured) {
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

  public record Need(NeedLevel level, String note, Capture captured) {
    public static final Need NONE = new Need(null, null, null);

    boolean sameAs(Need other) {
      return level == other.level && Objects.equals(note, other.note);
    }

    Need capturedAs(Capture capture) {
      return new Need(level, note, capture);
    }
  }

  public record Timeline(PurchaseTimeframe purchaseTimeframe, String note, Capture captured) {
    public static final Timeline NONE = new Timeline(null, null, null);

    boolean sameAs(Timeline other) {
      return purchaseTimeframe == other.purchaseTimeframe && Objects.equals(note, other.note);
    }

    Timeline capturedAs(Capture capture) {
      return new Timeline(purchaseTimeframe, note, capture);
    }
  }

  /** Fit with the ideal customer profile; its data are the lead's industry, size, revenue and country. */
  public record Fit(String note, Capture captured) {
    public static final Fit NONE = new Fit(null, null);

    boolean sameAs(Fit other) {
      return Objects.equals(note, other.note);
    }

    Fit capturedAs(Capture capture) {
      return new Fit(note, capture);
    }
  }
}
