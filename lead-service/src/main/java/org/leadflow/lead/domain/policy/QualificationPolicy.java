package org.leadflow.lead.domain.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Qualification;

/**
 * What "qualified" means in this organisation: criteria over the lead's qualification data, fit
 * fields and custom attributes, each required or weighted, and the ideal customer profile that the
 * {@code fit} field is measured against. Every seller is held to the same bar: readiness and the gate
 * on qualify both come from here. Its {@link CannotContactPolicy} (off unless set) says what happens
 * to leads nobody reaches.
 */
public record QualificationPolicy(List<Criterion> criteria, IdealCustomerProfile idealCustomerProfile, CannotContactPolicy cannotContact) {

  static final int MOST_CRITERIA = 50;

  public QualificationPolicy {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
    idealCustomerProfile = idealCustomerProfile == null ? IdealCustomerProfile.NONE : idealCustomerProfile;
    cannotContact = cannotContact == null ? CannotContactPolicy.OFF : cannotContact;
  }

  /** A policy without a Cannot Contact rule or guard. */
  public QualificationPolicy(List<Criterion> criteria, IdealCustomerProfile idealCustomerProfile) {
    this(criteria, idealCustomerProfile, CannotContactPolicy.OFF);
  }

  /**
   * This policy, if it can be evaluated.
   *
   * @throws InvalidPolicyException naming every criterion (by path) that cannot be evaluated
   */
  public QualificationPolicy validated() {
    List<PolicyProblem> problems = new ArrayList<>();
    if (criteria.size() > MOST_CRITERIA) {
      problems.add(new PolicyProblem("criteria", "must have at most " + MOST_CRITERIA + " criteria"));
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < criteria.size(); i++) {
      Criterion criterion = criteria.get(i);
      String path = "criteria[" + i + "]";
      if (criterion == null) {
        problems.add(new PolicyProblem(path, "must not be null"));
        continue;
      }
      problems.addAll(criterion.problems(path));
      if (criterion.key() != null && !keys.add(criterion.key())) {
        problems.add(new PolicyProblem(path + ".key", "another criterion already has the key " + criterion.key()));
      }
    }
    problems.addAll(idealCustomerProfile.problems("idealCustomerProfile"));
    problems.addAll(cannotContact.problems("cannotContact"));
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    return this;
  }

  /**
   * Measures a lead. Readiness is the weight of the weighted criteria it meets over their total
   * weight, 0–100; a policy without weighted criteria measures the share of required ones met, and
   * one without criteria finds every lead ready.
   */
  public Readiness evaluate(int version, LeadDetails details, Qualification qualification) {
    FitAssessment fit = idealCustomerProfile.assess(details);
    LeadFacts facts = new LeadFacts(details, qualification, fit);
    List<CriterionResult> results = criteria.stream().map(criterion -> criterion.evaluate(facts)).toList();
    return new Readiness(version, score(results), fit, results, nextSteps(results, fit));
  }

  private static int score(List<CriterionResult> results) {
    List<CriterionResult> weighted = results.stream().filter(result -> !result.criterion().required()).toList();
    if (weighted.isEmpty()) {
      long met = results.stream().filter(result -> result.status() == CriterionStatus.MET).count();
      return results.isEmpty() ? 100 : (int) Math.round(100.0 * met / results.size());
    }
    int total = weighted.stream().mapToInt(result -> result.criterion().weight()).sum();
    int met = weighted.stream().filter(result -> result.status() == CriterionStatus.MET).mapToInt(result -> result.criterion().weight()).sum();
    return (int) Math.round(100.0 * met / total);
  }

  /** What nobody knows yet, required criteria first, then by weight, then what the fit lacks. */
  private static List<String> nextSteps(List<CriterionResult> results, FitAssessment fit) {
    Set<String> steps = new LinkedHashSet<>();
    results.stream()
        .filter(result -> result.status() == CriterionStatus.UNKNOWN && result.seen() == null)
        .sorted(Comparator.comparing((CriterionResult result) -> !result.criterion().required()).thenComparing(result -> -result.criterion().weight()))
        .forEach(result -> steps.add(unknown(result.criterion().field().description())));
    fit.dimensions().stream()
        .filter(dimension -> dimension.status() == CriterionStatus.UNKNOWN && dimension.seen() == null)
        .forEach(dimension -> steps.add(unknown(dimension.description())));
    return List.copyOf(steps);
  }

  private static String unknown(String description) {
    return Character.toUpperCase(description.charAt(0)) + description.substring(1) + " unknown";
  }
}
