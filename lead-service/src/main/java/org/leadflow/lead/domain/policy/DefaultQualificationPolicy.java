package org.leadflow.lead.domain.policy;

import java.util.List;

/**
 * The policy LeadFlow starts with, so that the product holds sellers to a bar on day one: the classic
 * BANT frame plus fit. A lead must have a real need and a budget to be qualified; who decides, when
 * they buy, how much they can spend and how well they fit the ideal customer make up its readiness.
 * An admin replaces it through the API.
 */
public final class DefaultQualificationPolicy {

  public static final QualificationPolicy POLICY =
      new QualificationPolicy(
          List.of(
              required("need-confirmed", "Need confirmed", PolicyField.NEED, Operator.IN, "Must Have", "Should Have"),
              required("budget-available", "Budget available", PolicyField.BUDGET_STATUS, Operator.IN, "May Buy", "Can Buy", "Will Buy"),
              weighted("decision-maker", "Talking to the decision maker", PolicyField.DECISION_MAKER, Operator.EQUALS, 25, Boolean.TRUE),
              weighted("buys-this-year", "Buys within the year", PolicyField.PURCHASE_TIMEFRAME, Operator.IN, 25, "Immediate", "This Quarter", "Next Quarter", "This Year"),
              weighted("budget-amount-known", "Budget amount known", PolicyField.BUDGET_AMOUNT, Operator.PRESENT, 20),
              weighted("fits-ideal-customer", "Fits the ideal customer profile", PolicyField.FIT, Operator.IN, 30, "Good fit", "Partial fit")),
          new IdealCustomerProfile(List.of(), 20, 5000, null, null, List.of(), List.of()));

  private DefaultQualificationPolicy() {}

  private static Criterion required(String key, String label, PolicyField field, Operator operator, Object... values) {
    return new Criterion(key, label, new FieldRef.Standard(field), operator, List.of(values), true, 0);
  }

  private static Criterion weighted(String key, String label, PolicyField field, Operator operator, int weight, Object... values) {
    return new Criterion(key, label, new FieldRef.Standard(field), operator, List.of(values), false, weight);
  }
}
