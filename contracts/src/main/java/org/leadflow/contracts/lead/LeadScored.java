package org.leadflow.contracts.lead;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code leadflow.lead.scored.v1}: a lead's score moved materially (a new grade, or the score
 * by at least {@code leadflow.scoring.material-change} points since the last one published). The
 * score is a calibrated probability of conversion in percent; {@code method} says whether a trained
 * model ({@code model}, with {@code modelVersion}) or the rule-based score ({@code rules}) made it.
 *
 * @param previousScore the score last published, null for a lead's first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadScored(
    UUID leadId,
    int score,
    String grade,
    Integer previousScore,
    String previousGrade,
    String method,
    Integer modelVersion,
    List<Reason> reasons,
    Instant scoredAt) {

  /** One of the strongest reasons, each way: the feature, its effect in points, in plain words. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Reason(String feature, int points, String text) {}
}
