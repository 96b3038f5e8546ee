package org.leadflow.opportunity.domain;

import java.util.List;

/** A record and what a change did to it, field by field (for its history). */
public record Changed<T>(T record, List<ChangedField> changes) {

  public Changed {
    changes = List.copyOf(changes);
  }
}
