package org.leadflow.lead.domain.policy;

import java.util.List;

/**
 * A lead measured against the ideal customer profile: each dimension the profile names, and the
 * verdict over them. {@code score} is the share of named dimensions that match, 0–100.
 */
public record FitAssessment(FitVerdict verdict, int score, List<Dimension> dimensions) {

  public FitAssessment {
    dimensions = List.copyOf(dimensions);
  }

  static FitAssessment of(List<Dimension> dimensions) {
    long matching = dimensions.stream().filter(d -> d.status() == CriterionStatus.MET).count();
    long failing = dimensions.stream().filter(d -> d.status() == CriterionStatus.UNMET).count();
    long unknown = dimensions.size() - matching - failing;
    FitVerdict verdict;
    if (dimensions.isEmpty() || unknown == dimensions.size()) {
      verdict = FitVerdict.UNKNOWN;
    } else if (matching == dimensions.size()) {
      verdict = FitVerdict.GOOD;
    } else if (matching == 0) {
      verdict = FitVerdict.POOR;
    } else {
      verdict = FitVerdict.PARTIAL;
    }
    int score = dimensions.isEmpty() ? 0 : (int) Math.round(100.0 * matching / dimensions.size());
    return new FitAssessment(verdict, score, dimensions);
  }

  /**
   * One dimension of the profile (industry, employees, revenue, country, source) for this lead.
   *
   * @param name the lead field it reads, as the API names it ({@code numberOfEmployees})
   * @param description how a seller calls it ("number of employees")
   * @param seen the lead's value, or null when not known
   */
  public record Dimension(String name, String description, CriterionStatus status, Object seen, String explanation) {}
}
