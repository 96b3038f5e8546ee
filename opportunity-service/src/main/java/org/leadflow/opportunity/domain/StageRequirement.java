package org.leadflow.opportunity.domain;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Data a stage may require of an opportunity before it enters (an admin chooses which per stage),
 * named as the API names the opportunity's members.
 */
public enum StageRequirement {
  DESCRIPTION("description", (o, lines) -> present(o.description())),
  CUSTOMER_NEED("customerNeed", (o, lines) -> present(o.customerNeed())),
  PROPOSED_SOLUTION("proposedSolution", (o, lines) -> present(o.proposedSolution())),
  ESTIMATED_VALUE("estimatedValue", (o, lines) -> o.estimatedValue() != null),
  ESTIMATED_CLOSE_DATE("estimatedCloseDate", (o, lines) -> o.estimatedCloseDate() != null),
  FINAL_PROPOSAL_DATE("finalProposalDate", (o, lines) -> o.finalProposalDate() != null),
  ACCOUNT("accountId", (o, lines) -> o.accountId() != null),
  CONTACT("contactId", (o, lines) -> o.contactId() != null),
  /** At least one line. */
  LINES("lines", (o, lines) -> lines > 0);

  private final String field;
  private final BiPredicate<Opportunity, Integer> met;

  StageRequirement(String field, BiPredicate<Opportunity, Integer> met) {
    this.field = field;
    this.met = met;
  }

  /** The opportunity's member this requirement is about, as the API names it. */
  public String field() {
    return field;
  }

  /** Whether the opportunity, with this many lines, has the data. */
  public boolean isMetBy(Opportunity opportunity, int lineCount) {
    return met.test(opportunity, lineCount);
  }

  /** @throws UnknownLabelException when no requirement has this name */
  public static StageRequirement fromField(String field) {
    return Arrays.stream(values())
        .filter(requirement -> requirement.field.equals(field.strip()))
        .findFirst()
        .orElseThrow(() -> new UnknownLabelException(fields()));
  }

  public static List<String> fields() {
    return Arrays.stream(values()).map(StageRequirement::field).toList();
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
