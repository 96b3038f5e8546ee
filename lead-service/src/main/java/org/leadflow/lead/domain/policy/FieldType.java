package org.leadflow.lead.domain.policy;

import java.util.EnumSet;
import java.util.Set;

/** What kind of value a criterion compares, and so which operators make sense for it. */
public enum FieldType {
  /** Free text, compared without regard to case or surrounding spaces. */
  TEXT(EnumSet.of(Operator.EQUALS, Operator.IN, Operator.NOT_IN, Operator.PRESENT, Operator.ABSENT)),
  /** One of a fixed list of labels ("Can Buy"). */
  CHOICE(EnumSet.of(Operator.EQUALS, Operator.IN, Operator.NOT_IN, Operator.PRESENT, Operator.ABSENT)),
  NUMBER(EnumSet.allOf(Operator.class)),
  /** An amount in a currency; amounts in different currencies are never compared. */
  MONEY(EnumSet.of(Operator.AT_LEAST, Operator.AT_MOST, Operator.BETWEEN, Operator.PRESENT, Operator.ABSENT)),
  BOOLEAN(EnumSet.of(Operator.EQUALS, Operator.PRESENT, Operator.ABSENT)),
  /**
   * A custom attribute: its type is whatever the lead holds (text, number or boolean), so every
   * operator is allowed and a value of another type than the criterion's is unknown, not unmet.
   */
  ATTRIBUTE(EnumSet.allOf(Operator.class));

  private final Set<Operator> operators;

  FieldType(Set<Operator> operators) {
    this.operators = operators;
  }

  public boolean allows(Operator operator) {
    return operators.contains(operator);
  }

  public Set<Operator> operators() {
    return Set.copyOf(operators);
  }
}
