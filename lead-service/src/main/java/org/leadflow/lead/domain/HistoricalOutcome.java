package org.leadflow.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How a lead ended before it came to LeadFlow, as an import brings it so that scoring can learn from an
 * organisation's history: qualified, disqualified (with its status reason), won or lost, on a day.
 *
 * <p>Applied to a lead just captured, it puts the lead in that state as of that day, without what the
 * same change would do today: a historical qualification requests no conversion (no {@code
 * leadflow.lead.qualified.v1}, so no opportunity is created), a historical disqualification has no
 * nurture date.
 *
 * @param reason for a disqualification, its status reason (Lost when none was given); null otherwise
 * @param note what the import said about it (a reason in words), or null
 */
public record HistoricalOutcome(Kind kind, StatusReason reason, String note, LocalDate on) {

  /** The outcomes an import can bring. */
  public enum Kind {
    QUALIFIED,
    DISQUALIFIED,
    WON,
    LOST;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code label} (qualified, disqualified, won, lost; any case), or an {@link UnknownLabelException}. */
    public static Kind fromLabel(String label) {
      return Labels.find(values(), label, Kind::label);
    }
  }

  public HistoricalOutcome {
    if (kind == null || on == null) {
      throw new IllegalArgumentException("A historical outcome needs its kind and its day");
    }
    if (kind == Kind.DISQUALIFIED) {
      reason = reason == null ? StatusReason.LOST : reason;
      if (!LeadLifecycle.DISQUALIFICATION_REASONS.contains(reason)) {
        throw new IllegalArgumentException(reason.label() + " is not a reason to disqualify");
      }
    } else {
      reason = null;
    }
  }

  /**
   * Puts {@code lead}, just captured (Open/New), in this outcome's state: the status change, for its
   * history and events. The change is dated {@code now} (when LeadFlow learnt it; a lead is never
   * changed before it was created), its note names the historical day, which is kept with the lead.
   */
  public List<LeadEvent> applyTo(Lead lead, String importNote, Actor actor, Instant now) {
    String text = "Historical outcome: " + kind.label() + " on " + on + (note == null ? "" : " (" + note + ")") + "; " + importNote;
    StatusReason next = kind == Kind.DISQUALIFIED ? LeadLifecycle.disqualify(lead.statusReason(), reason) : LeadLifecycle.qualify(lead.statusReason());
    LeadAction action = kind == Kind.DISQUALIFIED ? LeadAction.DISQUALIFY : LeadAction.QUALIFY;
    return lead.changeStatus(action, next, text, null, LeadEvent.Cause.NONE, actor, now);
  }
}
