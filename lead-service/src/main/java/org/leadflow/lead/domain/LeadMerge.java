package org.leadflow.lead.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * Merging a duplicate lead into a master (docs/architecture.md, section Duplicate leads): the master
 * takes, field by field, the value chosen from either lead; the duplicate becomes Disqualified/Merged
 * (final). Which leads may take part is {@link LeadLifecycle}'s call: the master must be Open (its
 * fields change, as in an edit), the duplicate Open or Disqualified and not merged already.
 *
 * <p>Each field is chosen on its own ({@link #FIELDS}, and {@code attributes.<key>} for each custom
 * attribute); a qualification criterion (budget, authority, need, timeline, fit) is chosen whole, with
 * its note. A field not chosen keeps the master's value, or takes the duplicate's where the master has
 * none. The owner is the master's: a merge never moves a lead to another owner.
 */
public final class LeadMerge {

  /** Which lead a field's value is taken from. */
  public enum Source {
    MASTER("master"),
    DUPLICATE("duplicate");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Source fromLabel(String label) {
      return Labels.find(values(), label, Source::label);
    }
  }

  public static final String ATTRIBUTE_PREFIX = "attributes.";

  private static final Map<String, Function<LeadDetails, Object>> DETAILS = new LinkedHashMap<>();
  private static final Map<String, Function<Qualification, Object>> CRITERIA = new LinkedHashMap<>();

  static {
    DETAILS.put("firstName", LeadDetails::firstName);
    DETAILS.put("lastName", LeadDetails::lastName);
    DETAILS.put("companyName", LeadDetails::companyName);
    DETAILS.put("jobTitle", LeadDetails::jobTitle);
    DETAILS.put("email", LeadDetails::email);
    DETAILS.put("phone", LeadDetails::phone);
    DETAILS.put("website", LeadDetails::website);
    DETAILS.put("source", LeadDetails::source);
    DETAILS.put("industry", LeadDetails::industry);
    DETAILS.put("numberOfEmployees", LeadDetails::numberOfEmployees);
    DETAILS.put("annualRevenue", LeadDetails::annualRevenue);
    DETAILS.put("country", LeadDetails::country);
    DETAILS.put("city", LeadDetails::city);
    DETAILS.put("description", LeadDetails::description);
    CRITERIA.put("qualification.budget", q -> q.budget().sameAs(Qualification.Budget.NONE) ? null : q.budget());
    CRITERIA.put("qualification.authority", q -> q.authority().sameAs(Qualification.Authority.NONE) ? null : q.authority());
    CRITERIA.put("qualification.need", q -> q.need().sameAs(Qualification.Need.NONE) ? null : q.need());
    CRITERIA.put("qualification.timeline", q -> q.timeline().sameAs(Qualification.Timeline.NONE) ? null : q.timeline());
    CRITERIA.put("qualification.fit", q -> q.fit().sameAs(Qualification.Fit.NONE) ? null : q.fit());
  }

  /** The fields chosen one by one, by API name; custom attributes are {@code attributes.<key>} besides. */
  public static final List<String> FIELDS = fields();

  private LeadMerge() {}

  private static List<String> fields() {
    List<String> names = new ArrayList<>(DETAILS.keySet());
    names.addAll(CRITERIA.keySet());
    return List.copyOf(names);
  }

  /** What each lead's merge produced: the master's events, then the duplicate's. */
  public record Outcome(List<LeadEvent> master, List<LeadEvent> duplicate) {}

  /**
   * Whether the two leads may be merged, before anything of theirs moves.
   *
   * @throws IntoItselfException when they are one lead
   * @throws TransitionNotAllowedException when either's status does not allow it
   */
  public static void check(Lead master, Lead duplicate) {
    if (master.id().equals(duplicate.id())) {
      throw new IntoItselfException(master.id());
    }
    LeadLifecycle.require(master.statusReason(), LeadAction.MERGE_IN);
    LeadLifecycle.require(duplicate.statusReason(), LeadAction.MERGE_AWAY);
  }

  /**
   * Where every field comes from: {@code asked}, else the default (the master's value, or the
   * duplicate's where the master has none).
   *
   * @throws InvalidChoicesException naming each asked field that neither lead can give
   */
  public static Map<String, Source> choices(Lead master, Lead duplicate, Map<String, Source> asked) {
    Map<String, String> problems = new LinkedHashMap<>();
    Map<String, Source> chosen = new LinkedHashMap<>();
    DETAILS.forEach((field, value) -> chosen.put(field, choose(field, value.apply(master.details()), value.apply(duplicate.details()), asked)));
    CRITERIA.forEach(
        (field, value) -> chosen.put(field, choose(field, value.apply(master.qualification()), value.apply(duplicate.qualification()), asked)));
    Collection<String> keys = new TreeSet<>(master.details().attributes().keySet());
    keys.addAll(duplicate.details().attributes().keySet());
    for (String key : keys) {
      String field = ATTRIBUTE_PREFIX + key;
      chosen.put(field, choose(field, master.details().attributes().get(key), duplicate.details().attributes().get(key), asked));
    }
    asked.keySet().stream()
        .filter(field -> !chosen.containsKey(field))
        .forEach(field -> problems.put(field, field.startsWith(ATTRIBUTE_PREFIX) ? "neither lead has this attribute" : "not a field a merge chooses"));
    if (!problems.isEmpty()) {
      throw new InvalidChoicesException(problems);
    }
    return chosen;
  }

  private static Source choose(String field, Object masters, Object duplicates, Map<String, Source> asked) {
    Source source = asked.get(field);
    if (source != null) {
      return source;
    }
    return isEmpty(masters) && !isEmpty(duplicates) ? Source.DUPLICATE : Source.MASTER;
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String text && text.isBlank());
  }

  /**
   * Merges {@code duplicate} into {@code master} as {@code chosen} says ({@link #choices}), after
   * {@link #check}: the master's values change (its {@link LeadEvent.Updated}), the duplicate becomes
   * Disqualified/Merged; each gets its {@link LeadEvent.Merged}.
   *
   * @param activitiesMoved how many of the duplicate's activities were moved to the master
   * @param historyEntriesCopied how many of the duplicate's history entries were copied to the master's history
   */
  public static Outcome merge(
      Lead master, Lead duplicate, Map<String, Source> chosen, int activitiesMoved, int historyEntriesCopied, Actor actor, Instant now) {
    check(master, duplicate);
    LeadDetails details = details(master.details(), duplicate.details(), chosen);
    Qualification qualification = qualification(master.qualification(), duplicate.qualification(), chosen);
    List<LeadEvent> masterEvents = new ArrayList<>(master.update(details, qualification, master.ownerId(), actor, now));
    List<FieldChange> taken = masterEvents.stream()
        .filter(LeadEvent.Updated.class::isInstance)
        .flatMap(event -> ((LeadEvent.Updated) event).changes().stream())
        .toList();
    StatusReason before = duplicate.statusReason();
    // The status change is told as the merge itself (history "merged-into", leadflow.lead.merged.v1).
    duplicate.changeStatus(
        LeadAction.MERGE_AWAY, LeadLifecycle.mergeAway(before), "Merged into " + master.id(), null, LeadEvent.Cause.NONE, actor, now);
    UUID masterId = master.id();
    UUID duplicateId = duplicate.id();
    masterEvents.add(new LeadEvent.Merged(
        masterId, actor, now, masterId, duplicateId, master.statusReason(), master.statusReason(), chosen, taken, activitiesMoved, historyEntriesCopied));
    LeadEvent duplicateEvent = new LeadEvent.Merged(
        duplicateId, actor, now, masterId, duplicateId, before, duplicate.statusReason(), chosen, taken, activitiesMoved, historyEntriesCopied);
    return new Outcome(masterEvents, List.of(duplicateEvent));
  }

  private static LeadDetails details(LeadDetails master, LeadDetails duplicate, Map<String, Source> chosen) {
    Function<String, LeadDetails> from = field -> chosen.get(field) == Source.DUPLICATE ? duplicate : master;
    Map<String, Object> attributes = new LinkedHashMap<>();
    chosen.forEach((field, source) -> {
      if (field.startsWith(ATTRIBUTE_PREFIX)) {
        String key = field.substring(ATTRIBUTE_PREFIX.length());
        Object value = (source == Source.DUPLICATE ? duplicate : master).attributes().get(key);
        if (value != null) {
          attributes.put(key, value);
        }
      }
    });
    String lastName = from.apply("lastName").lastName();
    String companyName = from.apply("companyName").companyName();
    if (isEmpty(lastName) && isEmpty(companyName)) {
      throw new InvalidChoicesException(Map.of("lastName", "the merged lead would have neither a last name nor a company name"));
    }
    return new LeadDetails(
        from.apply("firstName").firstName(),
        lastName,
        companyName,
        from.apply("jobTitle").jobTitle(),
        from.apply("email").email(),
        from.apply("phone").phone(),
        from.apply("website").website(),
        from.apply("source").source(),
        from.apply("industry").industry(),
        from.apply("numberOfEmployees").numberOfEmployees(),
        from.apply("annualRevenue").annualRevenue(),
        from.apply("country").country(),
        from.apply("city").city(),
        from.apply("description").description(),
        attributes);
  }

  private static Qualification qualification(Qualification master, Qualification duplicate, Map<String, Source> chosen) {
    Function<String, Qualification> from = field -> chosen.get(field) == Source.DUPLICATE ? duplicate : master;
    return new Qualification(
        from.apply("qualification.budget").budget(),
        from.apply("qualification.authority").authority(),
        from.apply("qualification.need").need(),
        from.apply("qualification.timeline").timeline(),
        from.apply("qualification.fit").fit());
  }

  /** A lead cannot be merged into itself. */
  public static class IntoItselfException extends RuntimeException {
    public IntoItselfException(UUID id) {
      super("A lead cannot be merged into itself: " + id);
    }
  }

  /** Choices no merge can follow, by field. */
  public static class InvalidChoicesException extends RuntimeException {
    private final Map<String, String> problems;

    public InvalidChoicesException(Map<String, String> problems) {
      super("Invalid merge choices: " + problems.keySet());
      this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
      return problems;
    }
  }
}
