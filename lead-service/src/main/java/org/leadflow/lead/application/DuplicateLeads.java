package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.duplicates.DuplicateCandidate;
import org.leadflow.lead.domain.duplicates.DuplicateMode;
import org.leadflow.lead.domain.duplicates.DuplicateProbe;
import org.leadflow.lead.domain.duplicates.DuplicateRule;
import org.leadflow.lead.enrichment.EnrichmentRules;
import org.leadflow.lead.persistence.LeadDuplicates;
import org.leadflow.web.security.Caller;

/**
 * Duplicate detection: which leads the caller may see could be the same person as the one being
 * created or edited, by the rules an admin set to block or warn. A seller's candidates are only their
 * own leads: a duplicate that belongs to someone else is neither shown nor a reason to refuse.
 */
@ApplicationScoped
public class DuplicateLeads {

  @Inject LeadDuplicates duplicates;
  /** The free-mail domains: the list enrichment flags free-mail addresses with, shipped or replaced by a file. */
  @Inject EnrichmentRules lists;

  /**
   * In the command's transaction: the leads the caller may see that the rules that are on find for a
   * lead being created or edited; refused when a blocking rule finds any.
   *
   * @param self the lead edited, or null for a new one
   * @throws DuplicateLeadsException listing every candidate (of every rule that is on)
   */
  Uni<List<DuplicateCandidate>> check(UUID self, LeadDetails details, Caller caller) {
    return duplicates
        .modes()
        .chain(modes -> duplicates.find(DuplicateProbe.of(self, details, lists.domains().freeMail()), enabled(modes), ownerFilter(caller))
            .invoke(found -> {
              if (found.stream().anyMatch(candidate -> candidate.matchedBy().stream().anyMatch(rule -> modes.get(rule) == DuplicateMode.BLOCK))) {
                throw new DuplicateLeadsException(found);
              }
            }));
  }

  /**
   * What the rules found for one lead of an import: the leads the caller may see, and earlier rows of
   * the same chunk (not yet leads) that the exact rules match; blocked when a rule set to block found
   * any.
   */
  record Verdict(List<UUID> leads, List<Integer> rows, Set<DuplicateRule> matchedBy, boolean blocked) {
    boolean found() {
      return !leads.isEmpty() || !rows.isEmpty();
    }
  }

  /**
   * In the command's transaction: {@link #check} of many new leads at once (an import's chunk, rows
   * numbered {@code rows}), in one statement for all, plus the rows of the chunk among themselves (a
   * row is compared with the earlier rows that are not blocked, by the same email, phone, email domain
   * and last name, or person and company name).
   */
  Uni<List<Verdict>> checkEach(List<Integer> rows, List<LeadDetails> leads, Caller caller) {
    List<DuplicateProbe> probes = leads.stream().map(details -> DuplicateProbe.of(null, details, lists.domains().freeMail())).toList();
    return duplicates.modes().chain(modes -> duplicates.findEach(probes, enabled(modes), ownerFilter(caller)).map(found -> {
      List<List<LeadDuplicates.Match>> byProbe = new ArrayList<>();
      probes.forEach(probe -> byProbe.add(new ArrayList<>()));
      found.forEach(match -> byProbe.get(match.probe()).add(match));
      Map<String, Integer> earlier = new HashMap<>();
      List<Verdict> verdicts = new ArrayList<>();
      for (int i = 0; i < probes.size(); i++) {
        Set<DuplicateRule> matchedBy = EnumSet.noneOf(DuplicateRule.class);
        List<UUID> candidates = new ArrayList<>();
        for (LeadDuplicates.Match match : byProbe.get(i)) {
          candidates.add(match.id());
          matchedBy.addAll(match.matchedBy());
        }
        Map<String, DuplicateRule> keys = sameChunkKeys(probes.get(i), modes);
        List<Integer> sameChunk = new ArrayList<>();
        keys.forEach((key, rule) -> {
          Integer row = earlier.get(key);
          if (row != null) {
            matchedBy.add(rule);
            if (!sameChunk.contains(row)) {
              sameChunk.add(row);
            }
          }
        });
        boolean blocked = matchedBy.stream().anyMatch(rule -> modes.get(rule) == DuplicateMode.BLOCK);
        if (!blocked) {
          int row = rows.get(i);
          keys.keySet().forEach(key -> earlier.putIfAbsent(key, row));
        }
        verdicts.add(new Verdict(candidates, sameChunk, matchedBy, blocked));
      }
      return verdicts;
    }));
  }

  /** What the rules that are on compare of a lead, each as one key, for rows of one chunk. */
  private static Map<String, DuplicateRule> sameChunkKeys(DuplicateProbe probe, Map<DuplicateRule, DuplicateMode> modes) {
    Map<String, DuplicateRule> keys = new HashMap<>();
    for (DuplicateRule rule : DuplicateRule.values()) {
      if (modes.get(rule) == DuplicateMode.OFF || !probe.applies(rule)) {
        continue;
      }
      String key = switch (rule) {
        case EMAIL -> probe.email();
        case PHONE -> probe.phone();
        case SIMILAR_NAME -> probe.personName() + "\u0000" + probe.companyName();
        case EMAIL_DOMAIN_AND_LAST_NAME -> probe.emailDomain() + "\u0000" + probe.lastName();
      };
      keys.put(rule.name() + ":" + key, rule);
    }
    return keys;
  }

  /** The leads the caller may see that the rules that are on find for a lead (in a session of its own). */
  public Uni<List<DuplicateCandidate>> candidates(UUID self, LeadDetails details, Caller caller) {
    return Panache.withSession(
        () -> duplicates.modes().chain(modes -> duplicates.find(DuplicateProbe.of(self, details, lists.domains().freeMail()), enabled(modes), ownerFilter(caller))));
  }

  /** Whether an edit changes what the rules compare: only such an edit is checked. */
  static boolean comparedFieldsChanged(LeadDetails before, LeadDetails after) {
    return !(Objects.equals(before.firstName(), after.firstName())
        && Objects.equals(before.lastName(), after.lastName())
        && Objects.equals(before.companyName(), after.companyName())
        && Objects.equals(before.email(), after.email())
        && Objects.equals(before.phone(), after.phone()));
  }

  private static Set<DuplicateRule> enabled(Map<DuplicateRule, DuplicateMode> modes) {
    Set<DuplicateRule> on = EnumSet.noneOf(DuplicateRule.class);
    modes.forEach((rule, mode) -> {
      if (mode != DuplicateMode.OFF) {
        on.add(rule);
      }
    });
    return on;
  }

  private static String ownerFilter(Caller caller) {
    return caller.seesEveryOwner() ? null : caller.id();
  }

  /** Leads the caller may see match a lead by a rule set to block. */
  public static class DuplicateLeadsException extends RuntimeException {
    private final List<DuplicateCandidate> candidates;

    DuplicateLeadsException(List<DuplicateCandidate> candidates) {
      super(candidates.size() == 1 ? "1 lead may be the same person" : candidates.size() + " leads may be the same person");
      this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
      return candidates;
    }
  }
}
