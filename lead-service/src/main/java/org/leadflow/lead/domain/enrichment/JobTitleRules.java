package org.leadflow.lead.domain.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules table that reads a job title as a seniority and a department. Each rule is a line
 * {@code kind;value;pattern}: kind {@code seniority} or {@code department}, the value given, and a
 * regular expression looked for in the title (without case). Per kind, the first rule that matches wins,
 * so more specific rules come first ("Vice President" before "President"). Lines starting with # and
 * blank lines are notes.
 */
public final class JobTitleRules {

  /** What a title says. */
  public record Reading(String seniority, String department) {}

  private record Rule(String value, Pattern pattern) {}

  private final List<Rule> seniority;
  private final List<Rule> department;

  private JobTitleRules(List<Rule> seniority, List<Rule> department) {
    this.seniority = List.copyOf(seniority);
    this.department = List.copyOf(department);
  }

  /** @throws IllegalArgumentException naming the line that is not a rule */
  public static JobTitleRules parse(List<String> lines) {
    List<Rule> seniority = new ArrayList<>();
    List<Rule> department = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(";", 3);
      if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
        throw new IllegalArgumentException("Line " + (i + 1) + " is not kind;value;pattern: " + line);
      }
      Rule rule;
      try {
        rule = new Rule(parts[1].strip(), Pattern.compile(parts[2].strip(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("Line " + (i + 1) + " has no valid pattern: " + e.getDescription());
      }
      switch (parts[0].strip()) {
        case "seniority" -> seniority.add(rule);
        case "department" -> department.add(rule);
        default -> throw new IllegalArgumentException("Line " + (i + 1) + ": kind must be seniority or department, not " + parts[0]);
      }
    }
    return new JobTitleRules(seniority, department);
  }

  /** The seniority and department the title says, each null when no rule matches. */
  public Reading read(String jobTitle) {
    if (jobTitle == null || jobTitle.isBlank()) {
      return new Reading(null, null);
    }
    return new Reading(first(seniority, jobTitle).orElse(null), first(department, jobTitle).orElse(null));
  }

  private static Optional<String> first(List<Rule> rules, String title) {
    return rules.stream().filter(rule -> rule.pattern().matcher(title).find()).map(Rule::value).findFirst();
  }
}
