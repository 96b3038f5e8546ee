package org.leadflow.opportunity.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The opportunity lacks data that a stage up to the one it is to enter requires (422). */
public class StageDataMissingException extends RuntimeException {

  private final OpportunityStage stage;
  private final List<StageRequirement> missing;

  public StageDataMissingException(OpportunityStage stage, List<StageRequirement> missing) {
    super(
        "To enter " + stage.label() + " the opportunity needs "
            + missing.stream().map(StageRequirement::field).collect(Collectors.joining(", ")));
    this.stage = stage;
    this.missing = List.copyOf(missing);
  }

  public OpportunityStage stage() {
    return stage;
  }

  public List<StageRequirement> missing() {
    return missing;
  }
}
