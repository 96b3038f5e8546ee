package org.leadflow.lead.domain.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a criterion compares the lead's value with its own values. */
public enum Operator {
  EQUALS("equals", 1, 1),
  IN("in", 1, 100),
  NOT_IN("notIn", 1, 100),
  AT_LEAST("atLeast", 1, 1),
  AT_MOST("atMost", 1, 1),
  BETWEEN("between", 2, 2),
  PRESENT("present", 0, 0),
  ABSENT("absent", 0, 0);

  private final String name;
  private final int fewestValues;
  private final int mostValues;

  Operator(String name, int fewestValues, int mostValues) {
    this.name = name;
    this.fewestValues = fewestValues;
    this.mostValues = mostValues;
  }

  /** The operator's name in the API and the stored policy. */
  public String apiName() {
    return name;
  }

  public int fewestValues() {
    return fewestValues;
  }

  public int mostValues() {
    return mostValues;
  }

  /** Whether the criterion compares values by order (numbers and amounts only). */
  public boolean ordered() {
    return this == AT_LEAST || this == AT_MOST || this == BETWEEN;
  }

  public static Optional<Operator> named(String name) {
    return Arrays.stream(values()).filter(operator -> operator.name.equals(name)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Operator::apiName).toList();
  }
}
