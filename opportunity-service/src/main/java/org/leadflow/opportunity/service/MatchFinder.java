package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.AccountMatchedBy;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.ContactMatchedBy;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.ContactRepository;

/**
 * Finds the existing accounts and contacts a lead describes, best first, among those a {@link
 * Viewer} may see: a match never reveals or reuses a record its viewer may
 * not see. Conversions reuse the best one their lead's owner sees; lead-service's dry run shows them
 * all ({@code POST /api/v1/matches}). The rules are {@link MatchProbe}'s.
 */
@ApplicationScoped
public class MatchFinder {

  /** Most matches of each kind answered. */
  public static final int LIMIT = 20;

  /** More matches on more keys first; an account's name outweighs a domain; then the oldest. */
  private static final Comparator<AccountMatch> BEST_ACCOUNT_FIRST =
      Comparator.<AccountMatch>comparingInt(match -> -match.matchedBy().size())
          .thenComparing(match -> !match.matchedBy().contains(AccountMatchedBy.COMPANY_NAME))
          .thenComparing(match -> match.account().createdAt())
          .thenComparing(match -> match.account().id());

  /** The same email outweighs the same phone (shared switchboards); then the oldest. */
  private static final Comparator<ContactMatch> BEST_CONTACT_FIRST =
      Comparator.<ContactMatch, Boolean>comparing(match -> !match.matchedBy().contains(ContactMatchedBy.EMAIL))
          .thenComparingInt(match -> -match.matchedBy().size())
          .thenComparing(match -> match.contact().createdAt())
          .thenComparing(match -> match.contact().id());

  private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

  @Inject AccountRepository accounts;
  @Inject ContactRepository contacts;

  public record AccountMatch(Account account, Set<AccountMatchedBy> matchedBy) {}

  public record ContactMatch(Contact contact, Set<ContactMatchedBy> matchedBy) {}

  public record Matches(List<AccountMatch> accounts, List<ContactMatch> contacts) {}

  /**
   * What a conversion finds for its lead's owner: the best match the owner may see, to reuse; else
   * the best one hidden from them, which the conversion does not reuse but records as a possible
   * duplicate of the record it creates.
   */
  public record Found<M>(Optional<M> reusable, Optional<M> hidden) {
    static <M> Found<M> nothing() {
      return new Found<>(Optional.empty(), Optional.empty());
    }
  }

  /** Every account and contact the probe matches that the viewer may see, best first. */
  @WithSession
  public Uni<Matches> find(MatchProbe probe, Viewer viewer) {
    return accounts(probe, viewer)
        .chain(accountMatches -> contacts(probe, viewer).map(contactMatches -> new Matches(accountMatches, contactMatches)));
  }

  /** The account a conversion for {@code owner} reuses, if any. Runs in the caller's session. */
  public Uni<Found<AccountMatch>> account(MatchProbe probe, Viewer owner) {
    return reusableFor(owner, viewer -> accounts(probe, viewer), match -> match.account().ownerId());
  }

  /** The contact a conversion for {@code owner} reuses, if any. Runs in the caller's session. */
  public Uni<Found<ContactMatch>> contact(MatchProbe probe, Viewer owner) {
    return reusableFor(owner, viewer -> contacts(probe, viewer), match -> match.contact().ownerId());
  }

  /**
   * Looks among every owner's records first: most leads match nothing, and then one query is all it
   * takes. Only when something matches and the best is not plainly the owner's own is the owner's
   * view (own records and those linked to their opportunities) asked separately.
   */
  private static <M> Uni<Found<M>> reusableFor(
      Viewer owner, Function<Viewer, Uni<List<M>>> search, Function<M, String> ownerOf) {
    return search
        .apply(Viewer.everyone())
        .chain(
            all -> {
              if (all.isEmpty()) {
                return Uni.createFrom().item(Found.<M>nothing());
              }
              M best = all.get(0);
              if (owner.owns(ownerOf.apply(best))) {
                return Uni.createFrom().item(new Found<>(Optional.of(best), Optional.empty()));
              }
              return search
                  .apply(owner)
                  .map(
                      visible ->
                          visible.isEmpty()
                              ? new Found<>(Optional.<M>empty(), Optional.of(best))
                              : new Found<>(Optional.of(visible.get(0)), Optional.<M>empty()));
            });
  }

  private Uni<List<AccountMatch>> accounts(MatchProbe probe, Viewer viewer) {
    List<String> keys = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (probe.companyName() != null) {
      keys.add("normalizedName = :name");
      parameters.put("name", probe.companyName());
    }
    if (!probe.domains().isEmpty()) {
      keys.add("websiteDomain in :domains or emailDomain in :domains");
      parameters.put("domains", List.copyOf(probe.domains()));
    }
    if (!probe.canMatchAccounts() || keys.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return candidates(accounts, keys, parameters, Visibility.OWN_OR_LINKED_ACCOUNT, viewer)
        .map(
            found ->
                found.stream()
                    .map(account -> new AccountMatch(account, probe.matches(account)))
                    .filter(match -> !match.matchedBy().isEmpty())
                    .sorted(BEST_ACCOUNT_FIRST)
                    .toList());
  }

  private Uni<List<ContactMatch>> contacts(MatchProbe probe, Viewer viewer) {
    List<String> keys = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (probe.email() != null) {
      keys.add("email = :email");
      parameters.put("email", probe.email());
    }
    if (probe.phone() != null) {
      keys.add("phone = :phone");
      parameters.put("phone", probe.phone());
    }
    if (!probe.canMatchContacts() || keys.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return candidates(contacts, keys, parameters, Visibility.OWN_OR_LINKED_CONTACT, viewer)
        .map(
            found ->
                found.stream()
                    .map(contact -> new ContactMatch(contact, probe.matches(contact)))
                    .filter(match -> !match.matchedBy().isEmpty())
                    .sorted(BEST_CONTACT_FIRST)
                    .toList());
  }

  /**
   * The viewer's records that share a match key with the probe (indexed lookups), oldest first; the
   * probe then says which of them match and why. Visibility narrows the query itself, so that
   * records the viewer may not see never take the places of those they may.
   */
  private static <T> Uni<List<T>> candidates(
      PanacheRepositoryBase<T, UUID> records, List<String> keys, Map<String, Object> parameters, String visible, Viewer viewer) {
    ListQuery query =
        Visibility.restrict(new ListQuery(String.join(" or ", keys), parameters, OLDEST_FIRST, 0, LIMIT), visible, viewer);
    return records
        .find(query.where(), query.sort(), query.parameters())
        .page(io.quarkus.panache.common.Page.ofSize(LIMIT))
        .list();
  }
}
