package org.leadflow.lead.domain.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains a model on closed leads (docs/scoring.md). A fixed share of the examples, chosen by a hash
 * of each one's split key within each outcome (stratified), is held out and never seen; of the rest,
 * 85 % grow the trees and 15 % stop them early and calibrate their margin into a probability (Platt
 * scaling). The holdout gives the figures recorded with the model: AUC, calibration, Brier score;
 * on request also naive Bayes (Odoo's method) and logistic regression on the same split.
 */
public final class ModelTraining {

  /**
   * @param holdoutShare the share of each outcome held out, e.g. 0.2
   * @param seed the split's and the trees' seed
   * @param threads threads XGBoost may use
   * @param maxRounds trees at most (training stops earlier when 50 more do not help)
   * @param baselines also measure naive Bayes and logistic regression on the same split
   */
  public record Parameters(double holdoutShare, long seed, int threads, int maxRounds, boolean baselines) {}

  /** What a training saw and how well its model did on the holdout. */
  public record Metrics(
      int examples,
      int converted,
      int notConverted,
      int trainingExamples,
      int holdoutExamples,
      int features,
      int columns,
      int trees,
      double holdoutAuc,
      double validationAuc,
      double brierScore,
      List<Holdout.CalibrationBin> calibration,
      Double naiveBayesAuc,
      Double logisticRegressionAuc) {}

  /** The model's trees as XGBoost saves them, its feature space and calibration, and its figures. */
  public record Result(byte[] trees, FeatureSpace space, ScoringModel.Calibration calibration, Metrics metrics) {}

  private static final int MIN_LEVEL_COUNT = 5;
  private static final int MAX_LEVELS = 40;
  private static final int EARLY_STOPPING_ROUNDS = 50;

  private ModelTraining() {}

  public static Result train(List<TrainingExample> examples, Parameters parameters) {
    Split split = Split.of(examples, parameters);
    List<TrainingExample> seen = new ArrayList<>(split.fit());
    seen.addAll(split.validation());
    FeatureSpace space = FeatureSpace.learn(seen.stream().map(TrainingExample::features).toList(), MIN_LEVEL_COUNT, MAX_LEVELS);
    try {
      DMatrix fit = matrix(space, split.fit());
      DMatrix validation = matrix(space, split.validation());
      DMatrix holdout = matrix(space, split.holdout());
      try {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("eta", 0.05);
        params.put("max_depth", 5);
        params.put("min_child_weight", 2);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.7);
        params.put("lambda", 2.0);
        params.put("tree_method", "hist");
        params.put("nthread", parameters.threads());
        params.put("seed", parameters.seed());
        params.put("verbosity", 0);
        Map<String, DMatrix> watches = new HashMap<>();
        watches.put("validation", validation);
        float[][] curve = new float[1][parameters.maxRounds()];
        Booster booster = XGBoost.train(fit, params, parameters.maxRounds(), watches, curve, null, null, EARLY_STOPPING_ROUNDS);
        int trees = trees(booster, parameters.maxRounds());
        double[] validationMargins = margins(booster, validation);
        boolean[] validationLabels = labels(split.validation());
        ScoringModel.Calibration calibration = Platt.fit(validationMargins, validationLabels);
        double[] holdoutProbabilities = probabilities(calibration, margins(booster, holdout));
        boolean[] holdoutLabels = labels(split.holdout());
        Double naiveBayes = null;
        Double logistic = null;
        if (parameters.baselines()) {
          naiveBayes = Holdout.auc(NaiveBayes.fitAndScore(seen, split.holdout()), holdoutLabels);
          logistic = Holdout.auc(LogisticRegression.fitAndScore(space, seen, split.holdout()), holdoutLabels);
        }
        int converted = (int) examples.stream().filter(TrainingExample::converted).count();
        Metrics metrics =
            new Metrics(
                examples.size(),
                converted,
                examples.size() - converted,
                seen.size(),
                split.holdout().size(),
                space.numeric().size() + space.categorical().size(),
                space.width(),
                trees,
                Holdout.round(Holdout.auc(holdoutProbabilities, holdoutLabels)),
                Holdout.round(Holdout.auc(validationMargins, validationLabels)),
                Holdout.round(Holdout.brier(holdoutProbabilities, holdoutLabels)),
                Holdout.calibration(holdoutProbabilities, holdoutLabels),
                naiveBayes == null ? null : Holdout.round(naiveBayes),
                logistic == null ? null : Holdout.round(logistic));
        byte[] saved = booster.toByteArray("ubj");
        booster.dispose();
        return new Result(saved, space, calibration, metrics);
      } finally {
        fit.dispose();
        validation.dispose();
        holdout.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("Training failed: " + e.getMessage(), e);
    }
  }

  /** The examples' rows in one dense matrix, with their labels. */
  static DMatrix matrix(FeatureSpace space, List<TrainingExample> examples) throws XGBoostError {
    int width = space.width();
    float[] rows = new float[Math.max(1, examples.size()) * width];
    float[] labels = new float[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      space.encodeInto(examples.get(i).features(), rows, i * width);
      labels[i] = examples.get(i).converted() ? 1f : 0f;
    }
    DMatrix matrix = new DMatrix(rows, examples.size(), width, Float.NaN);
    matrix.setLabel(labels);
    return matrix;
  }

  static boolean[] labels(List<TrainingExample> examples) {
    boolean[] labels = new boolean[examples.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = examples.get(i).converted();
    }
    return labels;
  }

  private static double[] margins(Booster booster, DMatrix matrix) throws XGBoostError {
    float[][] predicted = booster.predict(matrix, true);
    double[] margins = new double[predicted.length];
    for (int i = 0; i < margins.length; i++) {
      margins[i] = predicted[i][0];
    }
    return margins;
  }

  private static double[] probabilities(ScoringModel.Calibration calibration, double[] margins) {
    double[] probabilities = new double[margins.length];
    for (int i = 0; i < margins.length; i++) {
      probabilities[i] = calibration.probability(margins[i]);
    }
    return probabilities;
  }

  private static int trees(Booster booster, int maxRounds) throws XGBoostError {
    String best = booster.getAttr("best_iteration");
    return best == null ? maxRounds : Integer.parseInt(best) + 1;
  }

  /** The examples held out, those the trees grow on, and those that stop and calibrate them. */
  record Split(List<TrainingExample> fit, List<TrainingExample> validation, List<TrainingExample> holdout) {

    static Split of(List<TrainingExample> examples, Parameters parameters) {
      List<TrainingExample> fit = new ArrayList<>();
      List<TrainingExample> validation = new ArrayList<>();
      List<TrainingExample> holdout = new ArrayList<>();
      for (boolean outcome : new boolean[] {true, false}) {
        List<TrainingExample> ofOutcome =
            examples.stream()
                .filter(example -> example.converted() == outcome)
                .sorted(java.util.Comparator.comparingLong((TrainingExample example) -> hash(example.splitKey(), parameters.seed()))
                    .thenComparing(TrainingExample::splitKey))
                .toList();
        int held = (int) Math.round(ofOutcome.size() * parameters.holdoutShare());
        int validating = (int) Math.round((ofOutcome.size() - held) * 0.15);
        holdout.addAll(ofOutcome.subList(0, held));
        validation.addAll(ofOutcome.subList(held, held + validating));
        fit.addAll(ofOutcome.subList(held + validating, ofOutcome.size()));
      }
      return new Split(fit, validation, holdout);
    }

    /** SplitMix64 of the key's characters and the seed: the same key falls on the same side in every run. */
    static long hash(String key, long seed) {
      long h = seed;
      for (int i = 0; i < key.length(); i++) {
        h = mix(h + key.charAt(i));
      }
      return mix(h);
    }

    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      return z ^ (z >>> 31);
    }
  }
}
