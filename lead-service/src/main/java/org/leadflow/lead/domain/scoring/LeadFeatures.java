package org.leadflow.lead.domain.scoring;

import java.util.Map;

/**
 * What scoring knows about one lead, by feature name: numbers (counts, amounts, yes/no as 1/0) and
 * categories (labels, texts). Standard fields by their API names ({@code source}, {@code
 * numberOfEmployees}), qualification data ({@code qualification.need}), readiness and fit
 * ({@code readiness.score}, {@code readiness.fit}), custom attributes as {@code attributes.<key>},
 * engagement as {@code activities.<type>.<outcome>}, {@code engagement.*}. A feature the lead lacks
 * is absent.
 */
public record LeadFeatures(Map<String, Double> numbers, Map<String, String> categories) {

  public LeadFeatures {
    numbers = Map.copyOf(numbers);
    categories = Map.copyOf(categories);
  }
}
