package org.leadflow.lead.domain.scoring;

/**
 * The grade of a score: A from {@code a}, B from {@code b}, C from {@code c}, D below (thresholds
 * out of 100, {@code a > b > c}).
 */
public record Grades(int a, int b, int c) {

  public Grades {
    if (!(a > b && b > c && c > 0 && a <= 100)) {
      throw new IllegalArgumentException("grade thresholds must satisfy 100 >= A > B > C > 0, were " + a + ", " + b + ", " + c);
    }
  }

  public char of(int score) {
    return score >= a ? 'A' : score >= b ? 'B' : score >= c ? 'C' : 'D';
  }
}
