package org.leadflow.lead.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.domain.BudgetStatus;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadSource;
import org.leadflow.lead.domain.Money;
import org.leadflow.lead.domain.NeedLevel;
import org.leadflow.lead.domain.PurchaseTimeframe;
import org.leadflow.lead.domain.Qualification;

class QualificationPolicyTest {

  private static LeadDetails lead(String industry, Integer employees, Money revenue, String country, LeadSource source, Map<String, Object> attributes) {
    return new LeadDetails("Ada", "Lovelace", "Engines Ltd", "CTO", null, null, null, source, industry, employees, revenue, country, "London", null, attributes);
  }

  private static LeadDetails someLead() {
    return lead("Manufacturing", 250, eur("2000000"), "GB", LeadSource.TRADE_SHOW, Map.of("seats", 40, "plan", "Enterprise", "renewal", true));
  }

  private static Qualification qualification(BudgetStatus status, Money amount, Boolean decisionMaker, NeedLevel need, PurchaseTimeframe timeframe) {
    return new Qualification(
        new Qualification.Budget(amount, status, null, null),
        new Qualification.Authority(decisionMaker, null, null, null),
        new Qualification.Need(need, null, null),
        new Qualification.Timeline(timeframe, null, null),
        Qualification.Fit.NONE);
  }

  private static Money eur(String amount) {
    return new Money(new BigDecimal(amount), "EUR");
  }

  private static Criterion criterion(String field, Operator operator, Object... values) {
    return new Criterion("c", "C", FieldRef.parse(field).orElseThrow(), operator, Arrays.asList(values), true, 0);
  }

  private static CriterionResult evaluate(Criterion criterion, LeadDetails details, Qualification qualification) {
    return new QualificationPolicy(List.of(criterion), IdealCustomerProfile.NONE).validated().evaluate(1, details, qualification).criteria().get(0);
  }

  private static CriterionStatus statusOf(Criterion criterion, Qualification qualification) {
    return evaluate(criterion, someLead(), qualification).status();
  }

  private static final Qualification KNOWN = qualification(BudgetStatus.CAN_BUY, eur("50000"), true, NeedLevel.MUST_HAVE, PurchaseTimeframe.THIS_QUARTER);

  @Nested
  class EveryOperatorIsMetUnmetOrUnknown {

    @Test
    void equals() {
      Criterion decides = criterion("decisionMaker", Operator.EQUALS, true);
      assertThat(statusOf(decides, KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(decides, qualification(null, null, false, null, null))).isEqualTo(CriterionStatus.UNMET);
      assertThat(statusOf(decides, Qualification.EMPTY)).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void inAndNotIn() {
      Criterion budget = criterion("budgetStatus", Operator.IN, "Can Buy", "Will Buy");
      Criterion noBudget = criterion("budgetStatus", Operator.NOT_IN, "No Committed Budget");
      Qualification none = qualification(BudgetStatus.NO_COMMITTED_BUDGET, null, null, null, null);
      assertThat(statusOf(budget, KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(budget, none)).isEqualTo(CriterionStatus.UNMET);
      assertThat(statusOf(budget, Qualification.EMPTY)).isEqualTo(CriterionStatus.UNKNOWN);
      assertThat(statusOf(noBudget, KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(noBudget, none)).isEqualTo(CriterionStatus.UNMET);
      assertThat(statusOf(noBudget, Qualification.EMPTY)).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void atLeastAtMostAndBetweenOnNumbers() {
      LeadDetails small = lead("Retail", 12, null, "GB", null, Map.of());
      LeadDetails unknownSize = lead("Retail", null, null, "GB", null, Map.of());
      Criterion atLeast = criterion("numberOfEmployees", Operator.AT_LEAST, new BigDecimal("50"));
      Criterion atMost = criterion("numberOfEmployees", Operator.AT_MOST, new BigDecimal("50"));
      Criterion between = criterion("numberOfEmployees", Operator.BETWEEN, new BigDecimal("100"), new BigDecimal("250"));
      assertThat(evaluate(atLeast, someLead(), KNOWN).status()).isEqualTo(CriterionStatus.MET);
      assertThat(evaluate(atLeast, small, KNOWN).status()).isEqualTo(CriterionStatus.UNMET);
      assertThat(evaluate(atMost, small, KNOWN).status()).isEqualTo(CriterionStatus.MET);
      assertThat(evaluate(atMost, someLead(), KNOWN).status()).isEqualTo(CriterionStatus.UNMET);
      assertThat(evaluate(between, someLead(), KNOWN).status()).as("bounds are inclusive").isEqualTo(CriterionStatus.MET);
      assertThat(evaluate(between, small, KNOWN).status()).isEqualTo(CriterionStatus.UNMET);
      assertThat(evaluate(between, unknownSize, KNOWN).status()).isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void amountsAreComparedOnlyInTheirOwnCurrency() {
      Criterion budget = criterion("budgetAmount", Operator.AT_LEAST, eur("10000"));
      assertThat(statusOf(budget, KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(budget, qualification(null, eur("9999.99"), null, null, null))).isEqualTo(CriterionStatus.UNMET);
      CriterionResult dollars = evaluate(budget, someLead(), qualification(null, new Money(new BigDecimal("90000"), "USD"), null, null, null));
      assertThat(dollars.status()).isEqualTo(CriterionStatus.UNKNOWN);
      assertThat(dollars.explanation()).isEqualTo("Budget amount is 90000.00 USD, in another currency than the criterion's");
    }

    @Test
    void presentAndAbsent() {
      Criterion present = criterion("budgetAmount", Operator.PRESENT);
      Criterion absent = criterion("attributes.competitor", Operator.ABSENT);
      assertThat(statusOf(present, KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(present, Qualification.EMPTY)).isEqualTo(CriterionStatus.UNKNOWN);
      assertThat(statusOf(absent, KNOWN)).isEqualTo(CriterionStatus.MET);
      LeadDetails withCompetitor = lead("Retail", 10, null, "GB", null, Map.of("competitor", "Globex"));
      assertThat(evaluate(absent, withCompetitor, KNOWN).status()).isEqualTo(CriterionStatus.UNMET);
    }

    @Test
    void customAttributesAreComparedByTheKindOfValueTheLeadHolds() {
      assertThat(statusOf(criterion("attributes.seats", Operator.AT_LEAST, new BigDecimal("25")), KNOWN)).isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(criterion("attributes.seats", Operator.BETWEEN, new BigDecimal("50"), new BigDecimal("90")), KNOWN)).isEqualTo(CriterionStatus.UNMET);
      assertThat(statusOf(criterion("attributes.plan", Operator.IN, "enterprise", "Premium"), KNOWN)).as("text ignores case").isEqualTo(CriterionStatus.MET);
      assertThat(statusOf(criterion("attributes.renewal", Operator.EQUALS, true), KNOWN)).isEqualTo(CriterionStatus.MET);
      CriterionResult textAsNumber = evaluate(criterion("attributes.plan", Operator.AT_LEAST, new BigDecimal("3")), someLead(), KNOWN);
      assertThat(textAsNumber.status()).isEqualTo(CriterionStatus.UNKNOWN);
      assertThat(textAsNumber.explanation()).isEqualTo("Attribute plan is Enterprise, not of the kind the criterion compares");
      assertThat(statusOf(criterion("attributes.missing", Operator.EQUALS, "x"), KNOWN)).isEqualTo(CriterionStatus.UNKNOWN);
    }
  }

  @Test
  void explanationsSayWhatWasSeenAndWhatTheCriterionAsksFor() {
    Criterion budget = criterion("budgetStatus", Operator.IN, "May Buy", "Can Buy", "Will Buy");

    CriterionResult met = evaluate(budget, someLead(), KNOWN);
    CriterionResult unmet = evaluate(budget, someLead(), qualification(BudgetStatus.NO_COMMITTED_BUDGET, null, null, null, null));
    CriterionResult unknown = evaluate(budget, someLead(), Qualification.EMPTY);

    assertThat(met.seen()).isEqualTo("Can Buy");
    assertThat(met.explanation()).isEqualTo("Budget status is Can Buy, as required (one of May Buy, Can Buy, Will Buy)");
    assertThat(unmet.explanation()).isEqualTo("Budget status is No Committed Budget, but must be one of May Buy, Can Buy, Will Buy");
    assertThat(unknown.seen()).isNull();
    assertThat(unknown.explanation()).isEqualTo("Budget status is not known yet");
  }

  @Nested
  class Readiness {

    private final QualificationPolicy policy =
        new QualificationPolicy(
            List.of(
                new Criterion("need", "Need", FieldRef.parse("need").orElseThrow(), Operator.IN, List.of("Must Have"), true, 0),
                new Criterion("decides", "Decides", FieldRef.parse("decisionMaker").orElseThrow(), Operator.EQUALS, List.of(true), false, 30),
                new Criterion("soon", "Soon", FieldRef.parse("purchaseTimeframe").orElseThrow(), Operator.IN, List.of("Immediate", "This Quarter"), false, 50),
                new Criterion("budget", "Budget", FieldRef.parse("budgetStatus").orElseThrow(), Operator.PRESENT, List.of(), false, 20)),
            IdealCustomerProfile.NONE);

    @Test
    void isTheWeightOfTheWeightedCriteriaMetOverTheirTotal() {
      var all = policy.evaluate(3, someLead(), KNOWN);
      var someMet = policy.evaluate(3, someLead(), qualification(null, null, true, NeedLevel.NO_NEED, PurchaseTimeframe.THIS_YEAR));

      assertThat(all.score()).isEqualTo(100);
      assertThat(all.requiredMet()).isTrue();
      assertThat(all.policyVersion()).isEqualTo(3);
      assertThat(someMet.score()).isEqualTo(30);
      assertThat(someMet.requiredMet()).isFalse();
      assertThat(someMet.unmetRequired()).extracting(result -> result.criterion().key()).containsExactly("need");
    }

    @Test
    void namesWhatToFindOutNextRequiredCriteriaFirstThenByWeight() {
      var nothingKnown = policy.evaluate(1, lead("Retail", null, null, null, null, Map.of()), Qualification.EMPTY);

      assertThat(nothingKnown.score()).isZero();
      assertThat(nothingKnown.nextSteps()).containsExactly("Need unknown", "Purchase timeframe unknown", "Decision maker unknown", "Budget status unknown");
      assertThat(nothingKnown.unmetRequired()).as("an unknown required criterion is not met").hasSize(1);
    }

    @Test
    void withoutWeightedCriteriaIsTheShareOfRequiredOnesMetAndWithoutCriteriaEveryLeadIsReady() {
      var requiredOnly =
          new QualificationPolicy(
              List.of(
                  new Criterion("need", "Need", FieldRef.parse("need").orElseThrow(), Operator.PRESENT, List.of(), true, 0),
                  new Criterion("budget", "Budget", FieldRef.parse("budgetAmount").orElseThrow(), Operator.PRESENT, List.of(), true, 0)),
              IdealCustomerProfile.NONE);

      assertThat(requiredOnly.evaluate(1, someLead(), qualification(null, null, null, NeedLevel.MUST_HAVE, null)).score()).isEqualTo(50);
      assertThat(new QualificationPolicy(List.of(), null).evaluate(1, someLead(), Qualification.EMPTY).score()).isEqualTo(100);
    }
  }

  @Nested
  class Fit {

    private final IdealCustomerProfile profile =
        new IdealCustomerProfile(List.of("manufacturing", "Logistics"), 50, 1000, eur("1000000"), null, List.of("GB", "IE"), List.of("Trade Show"));

    private FitAssessment fitOf(LeadDetails lead) {
      return new QualificationPolicy(List.of(), profile).validated().evaluate(1, lead, Qualification.EMPTY).fit();
    }

    @Test
    void aLeadMatchingEveryDimensionIsAGoodFit() {
      FitAssessment fit = fitOf(someLead());

      assertThat(fit.verdict()).isEqualTo(FitVerdict.GOOD);
      assertThat(fit.score()).isEqualTo(100);
      assertThat(fit.dimensions()).extracting(FitAssessment.Dimension::name).containsExactly("industry", "numberOfEmployees", "annualRevenue", "country", "source");
      assertThat(fit.dimensions().get(1).explanation()).isEqualTo("The number of employees 250 is within the ideal range (50 to 1000)");
    }

    @Test
    void someMatchingIsPartialNoneMatchingIsPoorAndNothingKnownIsUnknown() {
      LeadDetails partial = lead("Manufacturing", 5, eur("2000000"), "FR", LeadSource.WEB, Map.of());
      LeadDetails poor = lead("Retail", 5, eur("10"), "FR", LeadSource.WEB, Map.of());
      LeadDetails unknown = lead(null, null, null, null, null, Map.of());

      assertThat(fitOf(partial).verdict()).isEqualTo(FitVerdict.PARTIAL);
      assertThat(fitOf(partial).score()).isEqualTo(40);
      assertThat(fitOf(poor).verdict()).isEqualTo(FitVerdict.POOR);
      assertThat(fitOf(unknown).verdict()).isEqualTo(FitVerdict.UNKNOWN);
      assertThat(fitOf(lead("Retail", 10, new Money(new BigDecimal("5000000"), "USD"), null, null, Map.of())).dimensions().get(2).status())
          .as("revenue in another currency is not compared")
          .isEqualTo(CriterionStatus.UNKNOWN);
    }

    @Test
    void aCriterionOnFitReadsTheVerdictAndUnknownFitIsNotKnown() {
      Criterion fits = new Criterion("fits", "Fits", FieldRef.parse("fit").orElseThrow(), Operator.IN, List.of("Good fit", "Partial fit"), true, 0);
      QualificationPolicy policy = new QualificationPolicy(List.of(fits), profile).validated();

      assertThat(policy.evaluate(1, someLead(), Qualification.EMPTY).criteria().get(0).status()).isEqualTo(CriterionStatus.MET);
      assertThat(policy.evaluate(1, lead("Retail", 5, eur("10"), "FR", LeadSource.WEB, Map.of()), Qualification.EMPTY).criteria().get(0).status()).isEqualTo(CriterionStatus.UNMET);
      var unknown = policy.evaluate(1, lead(null, null, null, null, null, Map.of()), Qualification.EMPTY);
      assertThat(unknown.criteria().get(0).status()).isEqualTo(CriterionStatus.UNKNOWN);
      assertThat(unknown.nextSteps()).containsExactly(
          "Fit with the ideal customer profile unknown", "Industry unknown", "Number of employees unknown", "Annual revenue unknown", "Country unknown", "Lead source unknown");
    }
  }

  @Nested
  class APolicyThatCannotBeEvaluatedIsRefusedNamingTheCriterion {

    private List<PolicyProblem> problemsOf(Criterion... criteria) {
      try {
        new QualificationPolicy(List.of(criteria), IdealCustomerProfile.NONE).validated();
        return List.of();
      } catch (InvalidPolicyException e) {
        return e.problems();
      }
    }

    @Test
    void anOperatorThatDoesNotSuitTheFieldsType() {
      assertThat(problemsOf(criterion("budgetStatus", Operator.AT_LEAST, "Can Buy")))
          .containsExactly(new PolicyProblem("criteria[0].operator", "atLeast cannot compare budgetStatus (choice); use one of equals, in, notIn, present, absent"));
      assertThat(problemsOf(criterion("decisionMaker", Operator.IN, true))).extracting(PolicyProblem::path).containsExactly("criteria[0].operator");
      assertThat(problemsOf(criterion("annualRevenue", Operator.EQUALS, eur("1")))).extracting(PolicyProblem::path).containsExactly("criteria[0].operator");
    }

    @Test
    void valuesOfTheWrongKindOrNumber() {
      assertThat(problemsOf(criterion("budgetStatus", Operator.IN, "Rich"))).containsExactly(new PolicyProblem("criteria[0].values[0]", "must be one of No Committed Budget, May Buy, Can Buy, Will Buy"));
      assertThat(problemsOf(criterion("numberOfEmployees", Operator.AT_LEAST, "fifty"))).containsExactly(new PolicyProblem("criteria[0].values[0]", "must be a number"));
      assertThat(problemsOf(criterion("numberOfEmployees", Operator.BETWEEN, new BigDecimal("5")))).containsExactly(new PolicyProblem("criteria[0].values", "between takes 2 values, not 1"));
      assertThat(problemsOf(criterion("numberOfEmployees", Operator.BETWEEN, new BigDecimal("9"), new BigDecimal("5")))).containsExactly(new PolicyProblem("criteria[0].values[1]", "must not be below values[0]"));
      assertThat(problemsOf(criterion("budgetAmount", Operator.BETWEEN, eur("1"), new Money(BigDecimal.TEN, "USD")))).extracting(PolicyProblem::path).containsExactly("criteria[0].values[1]");
      assertThat(problemsOf(criterion("budgetAmount", Operator.PRESENT, eur("1")))).containsExactly(new PolicyProblem("criteria[0].values", "present takes 0 values, not 1"));
      assertThat(problemsOf(criterion("attributes.seats", Operator.AT_LEAST, "many"))).containsExactly(new PolicyProblem("criteria[0].values[0]", "atLeast compares numbers"));
      assertThat(problemsOf(criterion("fit", Operator.EQUALS, "Unknown"))).extracting(PolicyProblem::path).containsExactly("criteria[0].values[0]");
    }

    @Test
    void keysWeightsAndLabels() {
      Criterion good = criterion("need", Operator.PRESENT);
      assertThat(problemsOf(good, good)).containsExactly(new PolicyProblem("criteria[1].key", "another criterion already has the key c"));
      assertThat(problemsOf(new Criterion("Bad Key", "", good.field(), Operator.PRESENT, List.of(), false, 0)))
          .extracting(PolicyProblem::path)
          .containsExactly("criteria[0].key", "criteria[0].label", "criteria[0].weight");
      assertThat(problemsOf(new Criterion("k", "K", good.field(), Operator.PRESENT, List.of(), true, 10))).containsExactly(new PolicyProblem("criteria[0].weight", "a required criterion has no weight"));
      assertThat(problemsOf(new Criterion("k", "K", good.field(), Operator.PRESENT, List.of(), false, 101))).extracting(PolicyProblem::path).containsExactly("criteria[0].weight");
    }

    @Test
    void unknownFieldsAreNotFields() {
      assertThat(FieldRef.parse("salary")).isEmpty();
      assertThat(FieldRef.parse("attributes.")).isEmpty();
      assertThat(FieldRef.parse("attributes." + "k".repeat(101))).isEmpty();
      assertThat(FieldRef.parse("attributes.seats")).contains(new FieldRef.Attribute("seats"));
    }

    @Test
    void anIdealCustomerProfileWithNullEntriesIsRefusedNamingThem() {
      var profile = new IdealCustomerProfile(Arrays.asList("Retail", null), null, null, null, null, Arrays.asList((String) null), Arrays.asList((String) null));
      assertThatThrownBy(() -> new QualificationPolicy(List.of(), profile).validated())
          .isInstanceOfSatisfying(
              InvalidPolicyException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(PolicyProblem::path)
                      .containsExactly("idealCustomerProfile.industries[1]", "idealCustomerProfile.countries[0]", "idealCustomerProfile.sources[0]"));
    }

    @Test
    void anIdealCustomerProfileWithReversedRangesOrUnknownSources() {
      var profile = new IdealCustomerProfile(List.of(" "), 100, 10, eur("5"), new Money(BigDecimal.ONE, "USD"), List.of(), List.of("Billboard"));
      assertThatThrownBy(() -> new QualificationPolicy(List.of(), profile).validated())
          .isInstanceOfSatisfying(
              InvalidPolicyException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(PolicyProblem::path)
                      .containsExactly(
                          "idealCustomerProfile.industries[0]",
                          "idealCustomerProfile.sources[0]",
                          "idealCustomerProfile.maxEmployees",
                          "idealCustomerProfile.maxAnnualRevenue.currency"));
    }
  }

  @Test
  void theDefaultPolicyIsValidAndHoldsSellersToBantAndFit() {
    PublishedPolicy initial = PublishedPolicy.initial(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    initial.policy().validated();

    var ready = initial.evaluate(someLead(), KNOWN);
    var unknown = initial.evaluate(lead(null, null, null, null, null, new HashMap<>()), Qualification.EMPTY);

    assertThat(initial.version()).isEqualTo(1);
    assertThat(ready.requiredMet()).isTrue();
    assertThat(ready.score()).isEqualTo(100);
    assertThat(unknown.requiredMet()).isFalse();
    assertThat(unknown.unmetRequired()).extracting(result -> result.criterion().key()).containsExactly("need-confirmed", "budget-available");
    assertThat(unknown.nextSteps()).startsWith("Need unknown", "Budget status unknown");
  }
}
