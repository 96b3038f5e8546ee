package org.leadflow.systemtests.hostile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the hostile requests got, counted and with every failure, for the console and a file. */
public final class HostileReport {

  /** The properties every answer must have; each failure breaks one. */
  public enum Check {
    SERVER_ERROR("answered ≥ 500"),
    NO_ANSWER("no HTTP answer (connection closed or timed out)"),
    NOT_PROBLEM_JSON("error answer is not problem+json with type, title and status"),
    REFUSED_BUT_WROTE("refused (4xx), yet changed the database"),
    ACCEPTED_FORBIDDEN("accepted (2xx) what must be refused"),
    CHANGED_VALUE("accepted (2xx), but answered or stored a value other than the one sent");

    private final String description;

    Check(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public record Failure(Check check, HostileCase hostileCase, String path, int status, String detail, String answer) {}

  private record Answer(HostileCase hostileCase, int status) {}

  private final List<Answer> answers = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();
  private final Map<String, Long> nanosSpent = new LinkedHashMap<>();
  private int backgroundChanges;
  private int fixtureRecords;
  private long millis;

  public void answered(HostileCase hostileCase, int status) {
    answers.add(new Answer(hostileCase, status));
  }

  public void failed(Check check, HostileCase hostileCase, String path, int status, String detail, String answer) {
    failures.add(new Failure(check, hostileCase, path, status, detail, answer == null ? "" : shorten(answer, 200)));
  }

  /** A refused request around which the databases changed, but whose replay changed nothing. */
  public void backgroundChange() {
    backgroundChanges++;
  }

  /** Time spent on {@code phase} (sending, fingerprinting, making fixtures, …): to see where a slow run goes. */
  public void spent(String phase, long nanos) {
    nanosSpent.merge(phase, nanos, Long::sum);
  }

  public void finished(long millis, int fixtureRecords) {
    this.millis = millis;
    this.fixtureRecords = fixtureRecords;
  }

  public int requests() {
    return answers.size();
  }

  public List<Failure> failures() {
    return failures;
  }

  /** The counts and every failure, grouped by check and hostile class. */
  public String full() {
    return printable(counts() + failureList(Integer.MAX_VALUE));
  }

  /** The counts and the first failures of each group: for an assertion message. */
  public String summary(int perGroup) {
    return printable(counts() + failureList(perGroup));
  }

  /** Control characters and lone surrogates (which answers echo) escaped, so that any console and file take the text. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c) || c < 0x20 && c != '\n') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String counts() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%nHostile-input suite: %,d requests in %.1f s (%,d fixture leads made); %,d failing requests%n",
        answers.size(), millis / 1000.0, fixtureRecords, failures.stream().map(Failure::hostileCase).distinct().count()));
    text.append("Time spent: ");
    nanosSpent.forEach((phase, nanos) -> text.append(String.format("%s %.1f s   ", phase, nanos / 1e9)));
    text.append(String.format("%n"));
    table(text, "Service", answer -> answer.hostileCase().operation().service().serviceName());
    table(text, "Operation", answer -> answer.hostileCase().operation().service().serviceName().replace("-service", "") + " " + answer.hostileCase().operation().operationId());
    table(text, "Hostile class", answer -> answer.hostileCase().hostileClass().label());
    Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    text.append("Answers by status: ");
    statuses.forEach((status, count) -> text.append(status == 0 ? "none" : status).append(" × ").append(count).append("   "));
    text.append(String.format("%nFailures by check:%n"));
    for (Check check : Check.values()) {
      text.append(String.format("  %-78s %,6d%n", check.description(), failures.stream().filter(f -> f.check() == check).count()));
    }
    text.append(String.format("Refused requests around which background work (conversions) changed the databases, not reproduced on replay: %d%n", backgroundChanges));
    return text.toString();
  }

  private void table(StringBuilder text, String title, Function<Answer, String> key) {
    Map<String, int[]> rows = new LinkedHashMap<>();
    for (Answer answer : answers) {
      int[] row = rows.computeIfAbsent(key.apply(answer), k -> new int[6]);
      row[0]++;
      row[Math.min(Math.max(answer.status() / 100, 1), 5)]++;
    }
    Map<String, Long> failing = failures.stream().map(Failure::hostileCase).distinct()
        .collect(Collectors.groupingBy(c -> key.apply(new Answer(c, 0)), Collectors.counting()));
    text.append(String.format("%n%-40s %8s %6s %6s %6s %6s %8s%n", title, "requests", "2xx", "3xx", "4xx", "5xx", "failing"));
    rows.forEach((name, row) -> text.append(String.format("%-40s %8d %6d %6d %6d %6d %8d%n", name, row[0], row[2], row[3], row[4], row[5], failing.getOrDefault(name, 0L))));
  }

  private String failureList(int perGroup) {
    StringBuilder text = new StringBuilder();
    Map<Check, Map<HostileClass, List<Failure>>> groups = new EnumMap<>(Check.class);
    for (Failure failure : failures) {
      groups.computeIfAbsent(failure.check(), c -> new EnumMap<>(HostileClass.class))
          .computeIfAbsent(failure.hostileCase().hostileClass(), c -> new ArrayList<>())
          .add(failure);
    }
    groups.forEach((check, byClass) -> {
      text.append(String.format("%n=== %s ===%n", check.description()));
      byClass.forEach((hostileClass, list) -> {
        text.append(String.format("--- %s (%d) ---%n", hostileClass.label(), list.size()));
        list.stream().limit(perGroup).forEach(failure -> text.append(String.format("  %s %s  [%s = %s] → %s%s%n      %s%n",
            failure.hostileCase().operation().method(), shorten(failure.path(), 100), failure.hostileCase().location(), failure.hostileCase().value(),
            failure.status() == 0 ? "no answer" : failure.status(), failure.detail() == null ? "" : ": " + failure.detail(), failure.answer())));
        if (list.size() > perGroup) {
          text.append(String.format("  … and %d more%n", list.size() - perGroup));
        }
      });
    });
    return text.toString();
  }

  static String shorten(String text, int most) {
    String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() > most ? oneLine.substring(0, most) + "…" : oneLine;
  }
}
