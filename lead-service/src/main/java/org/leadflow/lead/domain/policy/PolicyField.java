package org.leadflow.lead.domain.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.leadflow.lead.domain.BudgetStatus;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.NeedLevel;
import org.leadflow.lead.domain.PurchaseProcess;
import org.leadflow.lead.domain.PurchaseTimeframe;

/**
 * The lead's standard fields a criterion may name, with their type and how a seller would call them
 * ("budget status"), which the explanations and the next steps use. Custom attributes are named
 * {@code attributes.<key>} instead ({@link FieldRef.Attribute}).
 */
public enum PolicyField {
  SOURCE("source", "lead source", FieldType.CHOICE, labels(LeadSource.values(), LeadSource::label), facts -> label(facts.details().source(), LeadSource::label)),
  INDUSTRY("industry", "industry", FieldType.TEXT, List.of(), facts -> facts.details().industry()),
  NUMBER_OF_EMPLOYEES("numberOfEmployees", "number of employees", FieldType.NUMBER, List.of(), facts -> number(facts.details().numberOfEmployees())),
  ANNUAL_REVENUE("annualRevenue", "annual revenue", FieldType.MONEY, List.of(), facts -> facts.details().annualRevenue()),
  COUNTRY("country", "country", FieldType.TEXT, List.of(), facts -> facts.details().country()),
  CITY("city", "city", FieldType.TEXT, List.of(), facts -> facts.details().city()),
  JOB_TITLE("jobTitle", "job title", FieldType.TEXT, List.of(), facts -> facts.details().jobTitle()),
  COMPANY_NAME("companyName", "company name", FieldType.TEXT, List.of(), facts -> facts.details().companyName()),
  EMAIL("email", "email address", FieldType.TEXT, List.of(), facts -> facts.details().email()),
  PHONE("phone", "phone number", FieldType.TEXT, List.of(), facts -> facts.details().phone()),
  WEBSITE("website", "website", FieldType.TEXT, List.of(), facts -> facts.details().website()),
  BUDGET_AMOUNT("budgetAmount", "budget amount", FieldType.MONEY, List.of(), facts -> facts.qualification().budget().amount()),
  BUDGET_STATUS("budgetStatus", "budget status", FieldType.CHOICE, labels(BudgetStatus.values(), BudgetStatus::label), facts -> label(facts.qualification().budget().status(), BudgetStatus::label)),
  DECISION_MAKER("decisionMaker", "decision maker", FieldType.BOOLEAN, List.of(), facts -> facts.qualification().authority().decisionMaker()),
  PURCHASE_PROCESS("purchaseProcess", "purchase process", FieldType.CHOICE, labels(PurchaseProcess.values(), PurchaseProcess::label), facts -> label(facts.qualification().authority().purchaseProcess(), PurchaseProcess::label)),
  NEED("need", "need", FieldType.CHOICE, labels(NeedLevel.values(), NeedLevel::label), facts -> label(facts.qualification().need().level(), NeedLevel::label)),
  PURCHASE_TIMEFRAME("purchaseTimeframe", "purchase timeframe", FieldType.CHOICE, labels(PurchaseTimeframe.values(), PurchaseTimeframe::label), facts -> label(facts.qualification().timeline().purchaseTimeframe(), PurchaseTimeframe::label)),
  /** The fit verdict with the ideal customer profile; "Unknown" counts as not known. */
  FIT("fit", "fit with the ideal customer profile", FieldType.CHOICE, FitVerdict.knownLabels(), facts -> facts.fit().verdict() == FitVerdict.UNKNOWN ? null : facts.fit().verdict().label());

  private final String apiName;
  private final String description;
  private final FieldType type;
  private final List<String> choices;
  private final Function<LeadFacts, Object> reader;

  PolicyField(String apiName, String description, FieldType type, List<String> choices, Function<LeadFacts, Object> reader) {
    this.apiName = apiName;
    this.description = description;
    this.type = type;
    this.choices = choices;
    this.reader = reader;
  }

  public String apiName() {
    return apiName;
  }

  public String description() {
    return description;
  }

  public FieldType type() {
    return type;
  }

  /** The labels a {@link FieldType#CHOICE} field takes; empty for the other types. */
  public List<String> choices() {
    return choices;
  }

  /** The lead's value: a String, BigDecimal, Boolean or Money, or null when nobody knows it yet. */
  Object read(LeadFacts facts) {
    return reader.apply(facts);
  }

  public static Optional<PolicyField> named(String name) {
    return Arrays.stream(values()).filter(field -> field.apiName.equals(name)).findFirst();
  }

  private static <E> List<String> labels(E[] values, Function<E, String> label) {
    return Arrays.stream(values).map(label).toList();
  }

  private static <E> String label(E value, Function<E, String> label) {
    return value == null ? null : label.apply(value);
  }

  private static BigDecimal number(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }
}
