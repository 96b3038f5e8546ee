package org.leadflow.lead.domain.scoring;

import java.util.List;
import org.leadflow.lead.domain.policy.FitVerdict;

/**
 * The score while there is too little history for a model (docs/scoring.md): from the middle, 50,
 * readiness by the qualification policy moves it by 0.8 points per point above or below 50, and fit
 * with the ideal customer profile by +10 (good), 0 (partial), −5 (unknown) or −10 (poor). So a lead
 * ready 100 % with a good fit scores 100, one with nothing known and no fit 0 to 10. Every score
 * names both reasons; nothing is learnt.
 */
public final class RuleBasedScore {

  private RuleBasedScore() {}

  /** @param readiness 0–100, null when the lead was not measured yet (counted as 0) */
  public static ScoringModel.Prediction of(Integer readiness, FitVerdict fit) {
    int measured = readiness == null ? 0 : readiness;
    FitVerdict verdict = fit == null ? FitVerdict.UNKNOWN : fit;
    int readinessPoints = (int) Math.round(0.8 * (measured - 50));
    int fitPoints =
        switch (verdict) {
          case GOOD -> 10;
          case PARTIAL -> 0;
          case UNKNOWN -> -5;
          case POOR -> -10;
        };
    int score = Math.max(0, Math.min(100, 50 + readinessPoints + fitPoints));
    List<Factor> factors =
        List.of(
            ScoringModel.factor("readiness.score", measured + " of 100", readinessPoints / 25.0, readinessPoints),
            ScoringModel.factor("readiness.fit", verdict.label(), fitPoints / 25.0, fitPoints));
    return new ScoringModel.Prediction(
        score, score / 100.0, ScoringModel.strongest(factors, true), ScoringModel.strongest(factors, false));
  }
}
