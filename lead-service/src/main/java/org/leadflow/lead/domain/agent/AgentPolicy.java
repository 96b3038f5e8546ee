package org.leadflow.lead.domain.agent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leadflow.lead.domain.policy.InvalidPolicyException;
import org.leadflow.lead.domain.policy.PolicyProblem;

/**
 * The qualification agent's policy, as an admin set it: whether it acts ({@link Mode}), how long it
 * keeps away from a lead a person changed, whether it may qualify, and its rules, the first that
 * applies to a lead deciding.
 *
 * @param recentChangeHours the agent never acts on a lead a person changed within this many hours (0: no wait)
 * @param qualifyOptIn rules may qualify leads (off unless an admin turns it on)
 */
public record AgentPolicy(Mode mode, int recentChangeHours, boolean qualifyOptIn, List<AgentRule> rules) {

  public static final int MOST_RULES = 50;
  public static final int LONGEST_WAIT_HOURS = 24 * 90;

  /** What a database starts with: off, no rules. */
  public static final AgentPolicy INITIAL = new AgentPolicy(Mode.OFF, 24, false, List.of());

  /** Whether the agent acts on its own (the schedule, and a lead's score changing). */
  public enum Mode {
    /** It does nothing on its own; a dry run on demand still reports what the rules would do. */
    OFF("off"),
    /** Its scheduled runs only report what they would do. */
    DRY_RUN("dry-run"),
    /** It acts. */
    ON("on");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Mode named(String label) {
      for (Mode mode : values()) {
        if (mode.label.equals(label)) {
          return mode;
        }
      }
      return null;
    }
  }

  public AgentPolicy {
    rules = List.copyOf(rules);
  }

  /** This policy, or {@link InvalidPolicyException} naming each member that cannot work. */
  public AgentPolicy validated() {
    List<PolicyProblem> problems = new ArrayList<>();
    if (mode == null) {
      problems.add(new PolicyProblem("mode", "must be off, dry-run or on"));
    }
    if (recentChangeHours < 0 || recentChangeHours > LONGEST_WAIT_HOURS) {
      problems.add(new PolicyProblem("recentChangeHours", "must be from 0 to " + LONGEST_WAIT_HOURS));
    }
    if (rules.size() > MOST_RULES) {
      problems.add(new PolicyProblem("rules", "must be at most " + MOST_RULES));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      AgentRule rule = rules.get(i);
      rule.check("rules[" + i + "]", qualifyOptIn, problems::add);
      if (rule.name() != null && !names.add(rule.name().strip().toLowerCase(java.util.Locale.ROOT))) {
        problems.add(new PolicyProblem("rules[" + i + "].name", "names another rule too"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPolicyException(problems);
    }
    return this;
  }
}
