package org.leadflow.lead.domain;

import java.util.ArrayList;
import java.util.List;

/** A status change as field changes: state (when it moves), status reason and its code. */
public final class StatusChanges {

  private StatusChanges() {}

  public static List<FieldChange> of(LeadEvent.StatusChanged change) {
    List<FieldChange> changes = new ArrayList<>();
    if (change.from().state() != change.to().state()) {
      changes.add(new FieldChange("state", change.from().state().label(), change.to().state().label()));
    }
    changes.add(new FieldChange("statusReason", change.from().label(), change.to().label()));
    changes.add(new FieldChange("statusReasonCode", change.from().code(), change.to().code()));
    return changes;
  }
}
