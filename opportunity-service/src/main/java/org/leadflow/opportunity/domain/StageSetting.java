package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one stage asks of an opportunity (the data it must have to enter it) and the probability an
 * opportunity gets when it enters; an admin sets both.
 */
@Entity
@Table(name = "opportunity_stage_setting")
public class StageSetting {

  @Id
  @Enumerated(EnumType.STRING)
  private OpportunityStage stage;

  private int position;
  private int defaultProbability;
  /** The requirements' field names, comma-separated. */
  private String requiredData;

  private Instant updatedAt;
  private String updatedBy;

  @Version private long version;

  protected StageSetting() {}

  public OpportunityStage stage() {
    return stage;
  }

  public int defaultProbability() {
    return defaultProbability;
  }

  /** In the order of {@link StageRequirement}. */
  public List<StageRequirement> requiredData() {
    Set<String> named = Arrays.stream(requiredData.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    return Arrays.stream(StageRequirement.values()).filter(r -> named.contains(r.field())).toList();
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public long version() {
    return version;
  }

  /**
   * @throws InvalidValuesException when the probability is outside 0 to 100
   */
  public void change(int probability, Set<StageRequirement> required, String by, Instant now) {
    Objects.requireNonNull(required, "required");
    if (probability < 0 || probability > 100) {
      throw InvalidValuesException.of("defaultProbability", "must be from 0 to 100");
    }
    this.defaultProbability = probability;
    this.requiredData =
        new LinkedHashSet<>(Arrays.stream(StageRequirement.values()).filter(required::contains).toList()).stream()
            .map(StageRequirement::field)
            .collect(Collectors.joining(","));
    this.updatedBy = by;
    this.updatedAt = now;
  }
}
