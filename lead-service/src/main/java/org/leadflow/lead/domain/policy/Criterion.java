package org.leadflow.lead.domain.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.leadflow.lead.domain.Money;

/**
 * One condition of the qualification policy: the lead's {@code field} compared by {@code operator}
 * with {@code values}. A required criterion must be met before a lead can be qualified; a weighted
 * one adds its weight to the lead's readiness.
 *
 * @param key stable identifier (lower-case letters, digits and dashes), named by the gate's refusals
 * @param label what a seller reads ("Budget confirmed")
 * @param values Strings, BigDecimals, Booleans or Money, as the field's type wants
 * @param weight 1–100 for a weighted criterion, 0 for a required one
 */
public record Criterion(String key, String label, FieldRef field, Operator operator, List<Object> values, boolean required, int weight) {

  static final Pattern KEY = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?");
  static final int LONGEST_LABEL = 100;
  static final int HIGHEST_WEIGHT = 100;

  public Criterion {
    values = values == null ? List.of() : List.copyOf(values);
  }

  /** Everything that keeps this criterion from being evaluated, with paths under {@code prefix}. */
  List<PolicyProblem> problems(String prefix) {
    List<PolicyProblem> problems = new ArrayList<>();
    if (key == null || !KEY.matcher(key).matches()) {
      problems.add(new PolicyProblem(prefix + ".key", "must be 1 to 50 lower-case letters, digits and dashes, starting and ending with a letter or digit"));
    }
    if (label == null || label.isBlank() || label.length() > LONGEST_LABEL) {
      problems.add(new PolicyProblem(prefix + ".label", "must have 1 to " + LONGEST_LABEL + " characters"));
    }
    if (required && weight != 0) {
      problems.add(new PolicyProblem(prefix + ".weight", "a required criterion has no weight"));
    }
    if (!required && (weight < 1 || weight > HIGHEST_WEIGHT)) {
      problems.add(new PolicyProblem(prefix + ".weight", "a weighted criterion needs a weight from 1 to " + HIGHEST_WEIGHT));
    }
    if (field == null || operator == null) {
      return problems;
    }
    if (!field.type().allows(operator)) {
      problems.add(new PolicyProblem(prefix + ".operator", operator.apiName() + " cannot compare " + field.apiName() + " (" + field.type().name().toLowerCase() + "); use one of " + operatorNames(field.type())));
      return problems;
    }
    if (values.size() < operator.fewestValues() || values.size() > operator.mostValues()) {
      problems.add(new PolicyProblem(prefix + ".values", operator.apiName() + " takes " + arity(operator) + ", not " + values.size()));
      return problems;
    }
    for (int i = 0; i < values.size(); i++) {
      String problem = valueProblem(values.get(i));
      if (problem != null) {
        problems.add(new PolicyProblem(prefix + ".values[" + i + "]", problem));
      }
    }
    if (problems.isEmpty() && operator == Operator.BETWEEN) {
      Object low = values.get(0);
      Object high = values.get(1);
      if (!Values.comparable(low, high)) {
        problems.add(new PolicyProblem(prefix + ".values[1]", "must be of the same kind and currency as values[0]"));
      } else if (Values.compare(low, high) > 0) {
        problems.add(new PolicyProblem(prefix + ".values[1]", "must not be below values[0]"));
      }
    }
    return problems;
  }

  private String valueProblem(Object value) {
    if (value == null) {
      return "must not be null";
    }
    if (field.type() == FieldType.ATTRIBUTE) {
      if (operator.ordered() && !(value instanceof BigDecimal)) {
        return operator.apiName() + " compares numbers";
      }
      return value instanceof String || value instanceof BigDecimal || value instanceof Boolean ? textProblem(value) : "must be text, a number or a boolean";
    }
    return switch (field.type()) {
      case TEXT -> value instanceof String ? textProblem(value) : "must be text";
      case CHOICE -> {
        List<String> choices = ((FieldRef.Standard) field).field().choices();
        yield choices.contains(value) ? null : "must be one of " + String.join(", ", choices);
      }
      case NUMBER -> value instanceof BigDecimal ? null : "must be a number";
      case MONEY -> value instanceof Money ? null : "must be an amount: {\"amount\": \"10000.00\", \"currency\": \"EUR\"}";
      case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
      case ATTRIBUTE -> null;
    };
  }

  private static String textProblem(Object value) {
    return value instanceof String text && (text.isBlank() || text.length() > IdealCustomerProfile.LONGEST_ENTRY)
        ? "must have 1 to " + IdealCustomerProfile.LONGEST_ENTRY + " characters"
        : null;
  }

  /** Whether the lead meets this criterion, what was seen, and why, in words a seller reads. */
  CriterionResult evaluate(LeadFacts facts) {
    Object seen = field.read(facts);
    String name = capitalised(field.description());
    if (seen == null) {
      return switch (operator) {
        case ABSENT -> result(CriterionStatus.MET, null, name + " is not set, as required");
        default -> result(CriterionStatus.UNKNOWN, null, name + " is not known yet");
      };
    }
    String shown = name + " is " + Values.shown(seen);
    if (operator == Operator.PRESENT) {
      return result(CriterionStatus.MET, seen, shown);
    }
    if (operator == Operator.ABSENT) {
      return result(CriterionStatus.UNMET, seen, shown + ", but must not be set");
    }
    if (values.stream().anyMatch(value -> !Values.comparable(seen, value))) {
      String why = seen instanceof Money ? "in another currency than the criterion's" : "not of the kind the criterion compares";
      return result(CriterionStatus.UNKNOWN, seen, shown + ", " + why);
    }
    boolean met =
        switch (operator) {
          case EQUALS -> Values.same(seen, values.get(0));
          case IN -> values.stream().anyMatch(value -> Values.same(seen, value));
          case NOT_IN -> values.stream().noneMatch(value -> Values.same(seen, value));
          case AT_LEAST -> Values.compare(seen, values.get(0)) >= 0;
          case AT_MOST -> Values.compare(seen, values.get(0)) <= 0;
          case BETWEEN -> Values.compare(seen, values.get(0)) >= 0 && Values.compare(seen, values.get(1)) <= 0;
          case PRESENT, ABSENT -> throw new IllegalStateException("handled above");
        };
    return result(met ? CriterionStatus.MET : CriterionStatus.UNMET, seen, shown + (met ? ", as required (" + expectation() + ")" : ", but must be " + expectation()));
  }

  /** What the criterion asks for: "one of May Buy, Can Buy", "at least 50". */
  String expectation() {
    return switch (operator) {
      case EQUALS -> "equal to " + Values.shown(values.get(0));
      case IN -> "one of " + Values.listed(values);
      case NOT_IN -> "none of " + Values.listed(values);
      case AT_LEAST -> "at least " + Values.shown(values.get(0));
      case AT_MOST -> "at most " + Values.shown(values.get(0));
      case BETWEEN -> "between " + Values.shown(values.get(0)) + " and " + Values.shown(values.get(1));
      case PRESENT -> "known";
      case ABSENT -> "not set";
    };
  }

  private CriterionResult result(CriterionStatus status, Object seen, String explanation) {
    return new CriterionResult(this, status, seen, explanation);
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String operatorNames(FieldType type) {
    return String.join(", ", type.operators().stream().sorted().map(Operator::apiName).toList());
  }

  private static String arity(Operator operator) {
    if (operator.fewestValues() == operator.mostValues()) {
      return operator.fewestValues() == 1 ? "1 value" : operator.fewestValues() + " values";
    }
    return operator.fewestValues() + " to " + operator.mostValues() + " values";
  }
}
