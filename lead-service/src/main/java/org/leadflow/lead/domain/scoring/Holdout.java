package org.leadflow.lead.domain.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How a model is judged: the area under the ROC curve and the calibration on examples it never saw.
 */
public final class Holdout {

  private Holdout() {}

  /**
   * The area under the ROC curve: the chance that a converted lead scores above one that did not
   * (ties count half). 0.5 is a coin; NaN when one of the classes is absent.
   */
  public static double auc(double[] scores, boolean[] converted) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (converted[order[k]]) {
          rankSumPositive += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** One band of predicted probabilities: how many leads, what they predicted on average, how many converted. */
  public record CalibrationBin(double from, double to, int leads, double meanPredicted, double observedRate) {}

  /** Ten bands of 0.1: predicted against observed conversion; a calibrated model has them close. */
  public static List<CalibrationBin> calibration(double[] probabilities, boolean[] converted) {
    int[] leads = new int[10];
    double[] predicted = new double[10];
    int[] positives = new int[10];
    for (int i = 0; i < probabilities.length; i++) {
      int bin = Math.min(9, (int) Math.floor(probabilities[i] * 10));
      leads[bin]++;
      predicted[bin] += probabilities[i];
      positives[bin] += converted[i] ? 1 : 0;
    }
    List<CalibrationBin> bins = new ArrayList<>();
    for (int bin = 0; bin < 10; bin++) {
      if (leads[bin] > 0) {
        bins.add(new CalibrationBin(bin / 10.0, (bin + 1) / 10.0, leads[bin], round(predicted[bin] / leads[bin]), round((double) positives[bin] / leads[bin])));
      }
    }
    return bins;
  }

  /** The mean squared difference between probability and outcome (0 is perfect, 0.25 a constant 0.5). */
  public static double brier(double[] probabilities, boolean[] converted) {
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double error = probabilities[i] - (converted[i] ? 1 : 0);
      sum += error * error;
    }
    return probabilities.length == 0 ? Double.NaN : sum / probabilities.length;
  }

  static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
