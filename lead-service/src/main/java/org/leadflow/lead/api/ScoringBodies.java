package org.leadflow.lead.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.leadflow.lead.domain.scoring.Factor;
import org.leadflow.lead.domain.scoring.LeadScore;
import org.leadflow.lead.domain.scoring.ScoringSettings;
import org.leadflow.lead.domain.scoring.TrainingRun;

/** Request and response bodies of lead scoring (docs/scoring.md). */
public final class ScoringBodies {

  private ScoringBodies() {}

  @Schema(description = "How a training splits its closed leads and what it measures besides its model; every member optional")
  public record TrainingRequest(
      @Schema(description = "Share of each outcome held out for the figures, 0.05 to 0.5", defaultValue = "0.2", example = "0.2")
          @DecimalMin("0.05") @DecimalMax("0.5") Double holdoutShare,
      @Schema(description = "Seed of the split and the trees", defaultValue = "42") @Min(0) @Max(Integer.MAX_VALUE) Long seed,
      @Schema(description = "An attribute whose value decides the holdout instead of the lead's id, so that the same history imported again holds out the same leads", example = "prospectId")
          @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String splitAttribute,
      @Schema(description = "Also measure naive Bayes (Odoo's method) and logistic regression on the same split", defaultValue = "false")
          Boolean baselines) {}

  @Schema(description = "A training: who asked, how it went, the model it made or why the rule-based score stays, what it saw, how the model did on the holdout")
  public record TrainingResponse(
      UUID id,
      @Schema(description = "queued, running, completed or failed") String status,
      String requestedBy,
      Map<String, Object> options,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt,
      @Schema(description = "model: a model was trained and is in force; rules: too little history, the rule-based score stays") String result,
      Integer modelVersion,
      @Schema(description = "What it saw: closed leads per outcome, features, excluded attributes, training seconds") Map<String, Object> data,
      @Schema(description = "Holdout AUC, validation AUC, Brier score, calibration bands, baselines' AUC") Map<String, Object> metrics,
      String failure) {

    static TrainingResponse of(TrainingRun run) {
      return new TrainingResponse(
          run.id(),
          run.status().toLowerCase(java.util.Locale.ROOT),
          run.requestedBy(),
          run.options(),
          run.createdAt(),
          run.startedAt(),
          run.finishedAt(),
          run.result() == null ? null : run.result().toLowerCase(java.util.Locale.ROOT),
          run.modelVersion(),
          run.data(),
          run.metrics(),
          run.failure());
    }
  }

  public record TrainingsResponse(List<TrainingResponse> items, int page, int size) {}

  public record ModelsResponse(List<Map<String, Object>> items) {}

  @Schema(description = "The attributes scoring leaves out: those the sales team fills in after contacting a lead")
  public record SettingsInput(
      @NotNull @Size(max = 200) List<@NotNull @Size(min = 1, max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String> excludedAttributes) {}

  public record SettingsResponse(List<String> excludedAttributes, int version, Instant updatedAt, String updatedBy) {

    static SettingsResponse of(ScoringSettings settings) {
      return new SettingsResponse(settings.excludedAttributes(), settings.version(), settings.updatedAt(), settings.updatedBy());
    }
  }

  @Schema(description = "One reason for a score")
  public record FactorResponse(
      @Schema(description = "The feature: a field, attributes.<key>, activities.<type>.<outcome>, engagement.*, readiness.*") String feature,
      @Schema(description = "The lead's value of it; null when it has none") String value,
      @Schema(description = "Its effect in log-odds (SHAP value)") double contribution,
      @Schema(description = "About how many points of the score it accounts for; negative lowers it") int points,
      @Schema(description = "The reason in plain words") String text) {

    static FactorResponse of(Factor factor) {
      return new FactorResponse(factor.feature(), factor.value(), factor.contribution(), factor.points(), factor.text());
    }
  }

  @Schema(description = "How the score moved since the one before it")
  public record TrendResponse(Integer previousScore, String previousGrade, Instant previousScoredAt, @Schema(description = "score minus previousScore; null for a first score") Integer change) {}

  @Schema(description = "A lead's score: a calibrated probability of conversion in percent, its grade, the reasons each way, the trend and what made it")
  public record ScoreResponse(
      UUID leadId,
      @Schema(description = "0 to 100; null until the lead is first scored (a moment after it was created)") Integer score,
      @Schema(description = "A, B, C or D by the configured thresholds") String grade,
      Double probability,
      @Schema(description = "model (trained on the organisation's closed leads) or rules (too little history: readiness and fit)") String method,
      Integer modelVersion,
      List<FactorResponse> raising,
      List<FactorResponse> lowering,
      TrendResponse trend,
      Instant scoredAt) {

    static ScoreResponse of(LeadScore score) {
      Integer change = score.previousScore() == null ? null : score.score() - score.previousScore();
      return new ScoreResponse(
          score.leadId(),
          score.score(),
          String.valueOf(score.grade()),
          score.probability(),
          score.method().toLowerCase(java.util.Locale.ROOT),
          score.modelVersion(),
          score.raising().stream().map(FactorResponse::of).toList(),
          score.lowering().stream().map(FactorResponse::of).toList(),
          new TrendResponse(score.previousScore(), score.previousGrade() == null ? null : String.valueOf(score.previousGrade()), score.previousScoredAt(), change),
          score.scoredAt());
    }

    static ScoreResponse notYet(UUID leadId) {
      return new ScoreResponse(leadId, null, null, null, null, null, List.of(), List.of(), new TrendResponse(null, null, null, null), null);
    }
  }
}
