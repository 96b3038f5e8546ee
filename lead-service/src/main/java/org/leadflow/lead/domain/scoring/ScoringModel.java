package org.leadflow.lead.domain.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model: gradient-boosted trees over a {@link FeatureSpace}, their margin calibrated into a
 * probability ({@link Calibration}), and every score explained by the trees' per-feature
 * contributions (SHAP values, which add up to the margin): the features of a categorical value's
 * columns summed into one reason.
 */
public final class ScoringModel {

  /** How many reasons each way an explanation gives. */
  public static final int FACTORS_EACH_WAY = 5;

  private final int version;
  private final Booster booster;
  private final FeatureSpace space;
  private final Calibration calibration;
  private final List<String> columnFeatures;

  /** Platt scaling: the probability of conversion is {@code sigmoid(slope * margin + intercept)}. */
  public record Calibration(double slope, double intercept) {

    public double probability(double margin) {
      return 1 / (1 + Math.exp(-(slope * margin + intercept)));
    }
  }

  /** A score: 0–100, the probability it rounds, and the reasons, strongest first (raising ones, then lowering ones). */
  public record Prediction(int score, double probability, List<Factor> raising, List<Factor> lowering) {}

  private ScoringModel(int version, Booster booster, FeatureSpace space, Calibration calibration) {
    this.version = version;
    this.booster = booster;
    this.space = space;
    this.calibration = calibration;
    this.columnFeatures = space.columnFeatures();
  }

  /** The model stored as {@code version}: its trees as XGBoost saved them ({@link #trees}). */
  public static ScoringModel load(int version, byte[] trees, FeatureSpace space, Calibration calibration) {
    try {
      Booster booster = XGBoost.loadModel(trees);
      booster.setParam("nthread", 1);
      return new ScoringModel(version, booster, space, calibration);
    } catch (XGBoostError e) {
      throw new IllegalStateException("Scoring model " + version + " cannot be read: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int version() {
    return version;
  }

  public FeatureSpace space() {
    return space;
  }

  public Prediction predict(LeadFeatures features) {
    float[] row = space.encode(features);
    float[] contributions;
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(row, 1, row.length, Float.NaN);
      contributions = booster.predictContrib(matrix, 0)[0];
    } catch (XGBoostError e) {
      throw new IllegalStateException("Scoring model " + version + " failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
    double margin = 0;
    Map<String, Double> byFeature = new LinkedHashMap<>();
    for (int column = 0; column < contributions.length; column++) {
      margin += contributions[column];
      if (column < columnFeatures.size()) {
        byFeature.merge(columnFeatures.get(column), (double) contributions[column], Double::sum);
      }
    }
    double probability = calibration.probability(margin);
    int score = percent(probability);
    List<Factor> factors = new ArrayList<>();
    for (Map.Entry<String, Double> entry : byFeature.entrySet()) {
      double contribution = entry.getValue();
      if (contribution == 0) {
        continue;
      }
      int points = score - percent(calibration.probability(margin - contribution));
      factors.add(factor(entry.getKey(), valueOf(entry.getKey(), features), contribution, points));
    }
    return new Prediction(score, probability, strongest(factors, true), strongest(factors, false));
  }

  /** The strongest reasons raising ({@code up}) or lowering the score. */
  public static List<Factor> strongest(List<Factor> factors, boolean up) {
    return factors.stream()
        .filter(factor -> up ? factor.contribution() > 0 : factor.contribution() < 0)
        .sorted(Comparator.comparingDouble((Factor factor) -> Math.abs(factor.contribution())).reversed())
        .limit(FACTORS_EACH_WAY)
        .toList();
  }

  /** A reason in plain words: "Lead origin is Lead Add Form: raises the score by 12 points". */
  public static Factor factor(String feature, String value, double contribution, int points) {
    String what = FeatureNames.of(feature) + (value == null ? " is unknown" : " is " + value);
    String effect =
        points == 0
            ? (contribution > 0 ? "raises the score slightly" : "lowers the score slightly")
            : (points > 0 ? "raises the score by " + points : "lowers the score by " + -points) + (Math.abs(points) == 1 ? " point" : " points");
    return new Factor(feature, value, Holdout.round(contribution), points, what + ": " + effect);
  }

  private static String valueOf(String feature, LeadFeatures features) {
    Double number = features.numbers().get(feature);
    if (number != null) {
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString(number.longValue())
          : String.format(Locale.ROOT, "%.2f", number);
    }
    return features.categories().get(feature);
  }

  static int percent(double probability) {
    return (int) Math.max(0, Math.min(100, Math.round(probability * 100)));
  }
}
