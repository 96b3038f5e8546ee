package org.leadflow.lead.domain.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Money;

/**
 * The organisation's ideal customer: the industries, sizes, revenues, countries and lead sources it
 * sells best to. A dimension left empty (no list, no bound) is not part of the fit.
 *
 * @param industries compared without case
 * @param countries compared without case, as the leads hold them
 * @param sources lead source labels ("Trade Show")
 */
public record IdealCustomerProfile(
    List<String> industries,
    Integer minEmployees,
    Integer maxEmployees,
    Money minAnnualRevenue,
    Money maxAnnualRevenue,
    List<String> countries,
    List<String> sources) {

  static final int MOST_ENTRIES = 100;
  static final int LONGEST_ENTRY = 100;

  public static final IdealCustomerProfile NONE = new IdealCustomerProfile(List.of(), null, null, null, null, List.of(), List.of());

  public IdealCustomerProfile {
    industries = entries(industries);
    countries = entries(countries);
    sources = entries(sources);
  }

  /** The entries as given, null ones included: {@link #problems} reports them rather than failing here. */
  private static List<String> entries(List<String> given) {
    return given == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(given));
  }

  /** Everything that makes the profile unusable, each with its path under {@code prefix}. */
  List<PolicyProblem> problems(String prefix) {
    List<PolicyProblem> problems = new ArrayList<>();
    checkEntries(prefix + ".industries", industries, problems);
    checkEntries(prefix + ".countries", countries, problems);
    checkEntries(prefix + ".sources", sources, problems);
    for (int i = 0; i < sources.size(); i++) {
      String source = sources.get(i);
      if (source != null && PolicyField.SOURCE.choices().stream().noneMatch(source::equals)) {
        problems.add(new PolicyProblem(prefix + ".sources[" + i + "]", "must be one of " + String.join(", ", PolicyField.SOURCE.choices())));
      }
    }
    if (minEmployees != null && minEmployees < 0) {
      problems.add(new PolicyProblem(prefix + ".minEmployees", "must not be negative"));
    }
    if (maxEmployees != null && maxEmployees < 0) {
      problems.add(new PolicyProblem(prefix + ".maxEmployees", "must not be negative"));
    }
    if (minEmployees != null && maxEmployees != null && minEmployees > maxEmployees) {
      problems.add(new PolicyProblem(prefix + ".maxEmployees", "must not be below minEmployees"));
    }
    for (var bound : List.of(new Bound("minAnnualRevenue", minAnnualRevenue), new Bound("maxAnnualRevenue", maxAnnualRevenue))) {
      if (bound.amount() != null && bound.amount().amount().signum() < 0) {
        problems.add(new PolicyProblem(prefix + "." + bound.name() + ".amount", "must not be negative"));
      }
    }
    if (minAnnualRevenue != null && maxAnnualRevenue != null) {
      if (!minAnnualRevenue.currency().equals(maxAnnualRevenue.currency())) {
        problems.add(new PolicyProblem(prefix + ".maxAnnualRevenue.currency", "must be the currency of minAnnualRevenue"));
      } else if (minAnnualRevenue.amount().compareTo(maxAnnualRevenue.amount()) > 0) {
        problems.add(new PolicyProblem(prefix + ".maxAnnualRevenue.amount", "must not be below minAnnualRevenue"));
      }
    }
    return problems;
  }

  /** How the lead measures against each dimension the profile names. */
  FitAssessment assess(LeadDetails lead) {
    List<FitAssessment.Dimension> dimensions = new ArrayList<>();
    if (!industries.isEmpty()) {
      dimensions.add(listed("industry", "industry", lead.industry(), industries));
    }
    if (minEmployees != null || maxEmployees != null) {
      Integer employees = lead.numberOfEmployees();
      dimensions.add(
          ranged(
              "numberOfEmployees",
              "number of employees",
              employees == null ? null : BigDecimal.valueOf(employees),
              minEmployees == null ? null : BigDecimal.valueOf(minEmployees),
              maxEmployees == null ? null : BigDecimal.valueOf(maxEmployees)));
    }
    if (minAnnualRevenue != null || maxAnnualRevenue != null) {
      dimensions.add(ranged("annualRevenue", "annual revenue", lead.annualRevenue(), minAnnualRevenue, maxAnnualRevenue));
    }
    if (!countries.isEmpty()) {
      dimensions.add(listed("country", "country", lead.country(), countries));
    }
    if (!sources.isEmpty()) {
      dimensions.add(listed("source", "lead source", lead.source() == null ? null : lead.source().label(), sources));
    }
    return FitAssessment.of(dimensions);
  }

  private static FitAssessment.Dimension listed(String name, String description, String value, List<String> ideal) {
    if (value == null || value.isBlank()) {
      return new FitAssessment.Dimension(name, description, CriterionStatus.UNKNOWN, null, "The " + description + " is not known yet");
    }
    boolean matches = ideal.stream().anyMatch(entry -> Values.same(entry, value));
    return new FitAssessment.Dimension(
        name,
        description,
        matches ? CriterionStatus.MET : CriterionStatus.UNMET,
        value,
        "The " + description + " " + value + (matches ? " is" : " is not") + " one of the ideal " + String.join(", ", ideal));
  }

  private static FitAssessment.Dimension ranged(String name, String description, Object value, Object low, Object high) {
    String range = range(low, high);
    if (value == null) {
      return new FitAssessment.Dimension(name, description, CriterionStatus.UNKNOWN, null, "The " + description + " is not known yet");
    }
    Object bound = low != null ? low : high;
    if (!Values.comparable(value, bound)) {
      return new FitAssessment.Dimension(
          name, description, CriterionStatus.UNKNOWN, value, "The " + description + " " + Values.shown(value) + " is in another currency than the ideal range (" + range + ")");
    }
    boolean matches = (low == null || Values.compare(value, low) >= 0) && (high == null || Values.compare(value, high) <= 0);
    return new FitAssessment.Dimension(
        name,
        description,
        matches ? CriterionStatus.MET : CriterionStatus.UNMET,
        value,
        "The " + description + " " + Values.shown(value) + (matches ? " is" : " is not") + " within the ideal range (" + range + ")");
  }

  private static String range(Object low, Object high) {
    if (low != null && high != null) {
      return Values.shown(low) + " to " + Values.shown(high);
    }
    return low != null ? "at least " + Values.shown(low) : "at most " + Values.shown(high);
  }

  private static void checkEntries(String path, List<String> entries, List<PolicyProblem> problems) {
    if (entries.size() > MOST_ENTRIES) {
      problems.add(new PolicyProblem(path, "must have at most " + MOST_ENTRIES + " entries"));
    }
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      if (entry == null || entry.isBlank() || entry.length() > LONGEST_ENTRY) {
        problems.add(new PolicyProblem(path + "[" + i + "]", "must have 1 to " + LONGEST_ENTRY + " characters"));
      }
    }
  }

  private record Bound(String name, Money amount) {}
}
