package org.leadflow.opportunity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.opportunity.domain.RecordHistoryEntry;
import org.leadflow.opportunity.domain.StageRequirement;
import org.leadflow.opportunity.domain.StageSetting;

/** The answers of the opportunity's pipeline besides the opportunity itself. */
public final class PipelineResponses {

  private PipelineResponses() {}

  /** One stay of the opportunity in a stage. */
  @Schema(name = "OpportunityStageVisit")
  public record StageVisitResponse(
      @Schema(example = "Develop", enumeration = {"Qualify", "Develop", "Propose", "Close"}) String stage,
      Instant enteredAt,
      @Schema(description = "Null while the opportunity is in this stage") Instant leftAt,
      @Schema(description = "Who moved it there; null for the stage it was created in") String enteredBy,
      @Schema(example = "PT48H", description = "ISO-8601 duration, until now for the current stage") String timeInStage,
      @Schema(example = "172800") long timeInStageSeconds) {}

  @Schema(name = "OpportunityStageVisitPage")
  public record StageVisitPage(List<StageVisitResponse> items, int page, int size, long total) {}

  /** Who made a change. */
  @Schema(name = "OpportunityHistoryActor")
  public record Actor(@Schema(example = "seller-7") String id, @Schema(example = "Ada Lovelace") String name) {}

  /** One field's change. */
  @Schema(name = "OpportunityFieldChange")
  public record Change(
      @Schema(example = "stage", description = "As the API names it; lines[n] for line n") String field,
      @Schema(example = "Qualify") Object oldValue,
      @Schema(example = "Develop") Object newValue) {}

  /** One change of an opportunity. */
  @Schema(name = "OpportunityHistoryEntry")
  public record HistoryEntry(
      UUID id,
      Instant occurredAt,
      Actor actor,
      @Schema(
              example = "stage-changed",
              description =
                  "updated, stage-changed, won, lost, reopened, put-on-hold, resumed, line-added, line-changed, line-removed")
          String action,
      List<Change> changes) {}

  @Schema(name = "OpportunityHistoryPage")
  public record OpportunityHistoryPage(List<HistoryEntry> items, int page, int size, long total) {}

  /** What one stage asks of an opportunity. */
  @Schema(name = "OpportunityStageSetting")
  public record StageSettingResponse(
      @Schema(example = "Develop", enumeration = {"Qualify", "Develop", "Propose", "Close"}) String stage,
      @Schema(example = "40", description = "Percent an opportunity gets when it enters the stage") int defaultProbability,
      @Schema(description = "What an opportunity must have to enter the stage, besides what the stages before require")
          List<String> requiredData,
      Instant updatedAt,
      String updatedBy,
      @Schema(description = "Also the ETag") long version) {}

  @Schema(name = "OpportunityStageSettings")
  public record StageSettings(List<StageSettingResponse> items) {}

  static HistoryEntry historyEntry(ObjectMapper json, RecordHistoryEntry entry) {
    List<Change> changes;
    try {
      changes = json.readValue(entry.changesJson(), new TypeReference<List<Change>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The history of opportunity " + entry.recordId() + " holds no JSON list", e);
    }
    return new HistoryEntry(entry.id(), entry.occurredAt(), new Actor(entry.actorId(), entry.actorName()), entry.action(), changes);
  }

  static StageSettingResponse stageSetting(StageSetting setting) {
    return new StageSettingResponse(
        setting.stage().label(),
        setting.defaultProbability(),
        setting.requiredData().stream().map(StageRequirement::field).toList(),
        setting.updatedAt(),
        setting.updatedBy(),
        setting.version());
  }
}
