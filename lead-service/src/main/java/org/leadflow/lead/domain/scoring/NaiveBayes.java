package org.leadflow.lead.domain.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of Odoo's predictive lead scoring: naive Bayes over frequency tables. Every feature
 * is a table of how often each of its values came with each outcome (Laplace-smoothed); numbers are
 * read as their decile among the training examples, "none" as a value of its own. A lead's score is
 * the log-odds of the prior and every table's ratio for its values.
 */
final class NaiveBayes {

  private NaiveBayes() {}

  static double[] fitAndScore(List<TrainingExample> training, List<TrainingExample> scored) {
    Map<String, double[]> cuts = deciles(training);
    Map<String, Map<String, int[]>> tables = new HashMap<>();
    int[] outcomes = new int[2];
    for (TrainingExample example : training) {
      int outcome = example.converted() ? 1 : 0;
      outcomes[outcome]++;
      values(example.features(), cuts).forEach((feature, value) ->
          tables.computeIfAbsent(feature, any -> new HashMap<>()).computeIfAbsent(value, any -> new int[2])[outcome]++);
    }
    double prior = Math.log((outcomes[1] + 1.0) / (outcomes[0] + 1.0));
    double[] scores = new double[scored.size()];
    for (int i = 0; i < scores.length; i++) {
      double logOdds = prior;
      Map<String, String> values = values(scored.get(i).features(), cuts);
      for (Map.Entry<String, Map<String, int[]>> table : tables.entrySet()) {
        int[] counts = table.getValue().getOrDefault(values.getOrDefault(table.getKey(), FeatureSpace.MISSING), new int[2]);
        int distinct = table.getValue().size() + 1;
        logOdds += Math.log((counts[1] + 1.0) / (outcomes[1] + distinct)) - Math.log((counts[0] + 1.0) / (outcomes[0] + distinct));
      }
      scores[i] = logOdds;
    }
    return scores;
  }

  /** Every feature's value as text: a category as it is, a number as its decile's index, none as "". */
  private static Map<String, String> values(LeadFeatures features, Map<String, double[]> cuts) {
    Map<String, String> values = new HashMap<>(features.categories());
    for (Map.Entry<String, double[]> feature : cuts.entrySet()) {
      Double number = features.numbers().get(feature.getKey());
      if (number != null) {
        int bin = Arrays.binarySearch(feature.getValue(), number);
        values.put(feature.getKey(), Integer.toString(bin < 0 ? -bin - 1 : bin));
      }
    }
    return values;
  }

  private static Map<String, double[]> deciles(List<TrainingExample> training) {
    Map<String, List<Double>> numbers = new HashMap<>();
    for (TrainingExample example : training) {
      example.features().numbers().forEach((feature, value) -> numbers.computeIfAbsent(feature, any -> new ArrayList<>()).add(value));
    }
    Map<String, double[]> cuts = new HashMap<>();
    numbers.forEach((feature, values) -> {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      Set<Double> distinct = new HashSet<>();
      for (int decile = 1; decile < 10; decile++) {
        distinct.add(sorted[(int) ((long) decile * (sorted.length - 1) / 10)]);
      }
      cuts.put(feature, distinct.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    });
    return cuts;
  }
}
