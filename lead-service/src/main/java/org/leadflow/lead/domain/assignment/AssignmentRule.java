package org.leadflow.lead.domain.assignment;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.LeadSource;

/**
 * One assignment rule: the leads it takes (each condition that is set must hold; none set: every
 * lead) and the team it gives them to.
 *
 * @param industries compared ignoring case
 * @param minEmployees inclusive; a lead whose size is unknown does not meet a size condition
 */
public record AssignmentRule(
    UUID id,
    String name,
    Set<LeadSource> sources,
    Set<String> countries,
    Set<String> industries,
    Integer minEmployees,
    Integer maxEmployees,
    Distribution distribution,
    List<String> team) {

  public AssignmentRule {
    sources = Set.copyOf(sources);
    countries = Set.copyOf(countries);
    industries = Set.copyOf(industries);
    team = List.copyOf(team);
  }

  /** How a rule chooses among its team. */
  public enum Distribution {
    /** Each in turn, in the team's order. */
    ROUND_ROBIN,
    /** The one with the fewest Open leads; the first in the team's order among equals. */
    LEAST_LOADED
  }

  public boolean takes(LeadDetails lead) {
    return (sources.isEmpty() || lead.source() != null && sources.contains(lead.source()))
        && (countries.isEmpty() || lead.country() != null && countries.contains(lead.country()))
        && (industries.isEmpty() || lead.industry() != null && industries.stream().anyMatch(industry -> industry.equalsIgnoreCase(lead.industry())))
        && (minEmployees == null || lead.numberOfEmployees() != null && lead.numberOfEmployees() >= minEmployees)
        && (maxEmployees == null || lead.numberOfEmployees() != null && lead.numberOfEmployees() <= maxEmployees);
  }

  /** The team member whose turn {@code turn} (counted from 0) is. */
  public String inTurn(long turn) {
    return team.get((int) Math.floorMod(turn, (long) team.size()));
  }
}
