package org.leadflow.lead.domain.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The columns of a model, learnt from its training examples: every numeric feature as one column
 * (missing: NaN, which the trees route on their own), and every categorical feature one-hot over its
 * frequent values (a value seen fewer than {@code minCount} times, or after the {@code maxLevels}
 * most frequent, sets none of its columns). A lead without the feature is the value {@code ""}, so
 * that "unknown" may count as much as any value. Kept with the model, so that a lead is encoded
 * exactly as the examples were.
 */
public record FeatureSpace(List<String> numeric, List<Categorical> categorical) {

  /** The value of a categorical feature a lead does not have. */
  public static final String MISSING = "";

  /** A categorical feature and the values that have a column, in column order. */
  public record Categorical(String name, List<String> levels) {}

  public FeatureSpace {
    numeric = List.copyOf(numeric);
    categorical = List.copyOf(categorical);
  }

  /** The space of {@code examples}: every feature any of them has. */
  public static FeatureSpace learn(List<LeadFeatures> examples, int minCount, int maxLevels) {
    TreeSet<String> numbers = new TreeSet<>();
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (LeadFeatures example : examples) {
      numbers.addAll(example.numbers().keySet());
      example.categories().forEach((name, value) -> counts.computeIfAbsent(name, any -> new HashMap<>()).merge(value, 1, Integer::sum));
    }
    List<Categorical> categorical = new ArrayList<>();
    for (String name : new TreeSet<>(counts.keySet())) {
      Map<String, Integer> values = counts.get(name);
      int missing = examples.size() - values.values().stream().mapToInt(Integer::intValue).sum();
      if (missing > 0) {
        values.put(MISSING, missing);
      }
      List<String> levels =
          values.entrySet().stream()
              .filter(entry -> entry.getValue() >= minCount)
              .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
              .limit(maxLevels)
              .map(Map.Entry::getKey)
              .toList();
      if (levels.size() > 1 || (levels.size() == 1 && values.size() > 1)) {
        categorical.add(new Categorical(name, levels));
      }
    }
    return new FeatureSpace(new ArrayList<>(numbers), categorical);
  }

  /** How many columns a lead is encoded in. */
  public int width() {
    return numeric.size() + categorical.stream().mapToInt(feature -> feature.levels().size()).sum();
  }

  /** The lead's row: numbers as they are (NaN when missing), categories one-hot. */
  public float[] encode(LeadFeatures features) {
    float[] row = new float[width()];
    encodeInto(features, row, 0);
    return row;
  }

  /** Writes the lead's row into {@code rows} from {@code offset}. */
  public void encodeInto(LeadFeatures features, float[] rows, int offset) {
    int column = offset;
    for (String name : numeric) {
      Double value = features.numbers().get(name);
      rows[column++] = value == null ? Float.NaN : value.floatValue();
    }
    for (Categorical feature : categorical) {
      String value = features.categories().getOrDefault(feature.name(), MISSING);
      for (String level : feature.levels()) {
        rows[column++] = level.equals(value) ? 1f : 0f;
      }
    }
  }

  /** The feature each column belongs to, in column order (a categorical feature for each of its levels). */
  public List<String> columnFeatures() {
    List<String> features = new ArrayList<>(numeric);
    for (Categorical feature : categorical) {
      feature.levels().forEach(level -> features.add(feature.name()));
    }
    return features;
  }

  /** Whether the column is one of a categorical feature's. */
  public boolean isNumeric(int column) {
    return column < numeric.size();
  }
}
