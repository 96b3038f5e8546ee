package org.leadflow.opportunity.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An opportunity's estimated value: with product lines, the sum of their amounts (Dynamics'
 * system-calculated revenue), which needs them all in one currency; without lines, the value the
 * seller stated; else the lead's budget; else unknown.
 */
public final class EstimatedValuePolicy {

  private EstimatedValuePolicy() {}

  /**
   * @return the estimated value, or null when nothing says it
   * @throws ConversionFailedException ({@link ConversionFailure#MIXED_CURRENCIES}) when the lines
   *     are priced in more than one currency, ({@link ConversionFailure#INVALID_OPPORTUNITY}) when
   *     their sum is too large to store
   */
  public static Money estimate(List<OpportunityLine.Draft> lines, Money stated, Money budget) {
    if (!lines.isEmpty()) {
      List<String> currencies = lines.stream().map(line -> line.unitPrice().currency()).distinct().toList();
      if (currencies.size() > 1) {
        throw new ConversionFailedException(
            ConversionFailure.MIXED_CURRENCIES,
            "The opportunity's lines are priced in " + currencies.stream().collect(Collectors.joining(", "))
                + "; all lines of one opportunity must share one currency");
      }
      try {
        return lines.stream().map(OpportunityLine.Draft::amount).reduce(Money::plus).orElseThrow();
      } catch (IllegalArgumentException e) {
        throw new ConversionFailedException(
            ConversionFailure.INVALID_OPPORTUNITY, "The sum of the opportunity's lines is too large");
      }
    }
    return stated != null ? stated : budget;
  }
}
