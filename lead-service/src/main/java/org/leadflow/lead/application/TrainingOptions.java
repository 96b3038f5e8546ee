package org.leadflow.lead.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a training splits and what it measures besides its model.
 *
 * @param holdoutShare the share of each outcome held out for the figures (0.05–0.5; default 0.2)
 * @param seed the split's and the trees' seed
 * @param splitAttribute an attribute that decides the holdout instead of the lead's id, so that the
 *     same history imported again holds out the same leads (null: the id)
 * @param baselines also measure naive Bayes and logistic regression on the same split
 */
public record TrainingOptions(double holdoutShare, long seed, String splitAttribute, boolean baselines) {

  public static final TrainingOptions DEFAULT = new TrainingOptions(0.2, 42, null, false);

  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("holdoutShare", holdoutShare);
    map.put("seed", seed);
    map.put("splitAttribute", splitAttribute);
    map.put("baselines", baselines);
    return map;
  }

  static TrainingOptions from(Map<String, Object> map) {
    if (map == null) {
      return DEFAULT;
    }
    Object share = map.get("holdoutShare");
    Object seed = map.get("seed");
    Object split = map.get("splitAttribute");
    return new TrainingOptions(
        share instanceof Number number ? number.doubleValue() : DEFAULT.holdoutShare(),
        seed instanceof Number number ? number.longValue() : DEFAULT.seed(),
        split == null ? null : split.toString(),
        Boolean.TRUE.equals(map.get("baselines")));
  }
}
