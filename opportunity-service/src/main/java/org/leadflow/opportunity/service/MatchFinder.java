package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.AccountMatchedBy;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.ContactMatchedBy;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.ContactRepository;

/**
 * Finds the existing accounts and contacts a lead describes, best first. Conversions reuse the best
 * one; lead-service's dry run shows them all ({@code POST /api/v1/matches}). The rules are {@link
 * MatchProbe}'s.
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

  @Inject AccountRepository accounts;
  @Inject ContactRepository contacts;

  public record AccountMatch(Account account, Set<AccountMatchedBy> matchedBy) {}

  public record ContactMatch(Contact contact, Set<ContactMatchedBy> matchedBy) {}

  public record Matches(List<AccountMatch> accounts, List<ContactMatch> contacts) {}

  /** Every account and contact the probe matches, best first. */
  @WithSession
  public Uni<Matches> find(MatchProbe probe) {
    return accounts(probe).chain(accountMatches -> contacts(probe).map(contactMatches -> new Matches(accountMatches, contactMatches)));
  }

  /** The account a conversion reuses, if any. Runs in the caller's session. */
  public Uni<Optional<Account>> bestAccount(MatchProbe probe) {
    return accounts(probe).map(matches -> matches.stream().findFirst().map(AccountMatch::account));
  }

  /** The contact a conversion reuses, if any. Runs in the caller's session. */
  public Uni<Optional<Contact>> bestContact(MatchProbe probe) {
    return contacts(probe).map(matches -> matches.stream().findFirst().map(ContactMatch::contact));
  }

  private Uni<List<AccountMatch>> accounts(MatchProbe probe) {
    if (!probe.canMatchAccounts()) {
      return Uni.createFrom().item(List.of());
    }
    return accounts
        .candidates(probe, LIMIT)
        .map(
            found ->
                found.stream()
                    .map(account -> new AccountMatch(account, probe.matches(account)))
                    .filter(match -> !match.matchedBy().isEmpty())
                    .sorted(BEST_ACCOUNT_FIRST)
                    .toList());
  }

  private Uni<List<ContactMatch>> contacts(MatchProbe probe) {
    if (!probe.canMatchContacts()) {
      return Uni.createFrom().item(List.of());
    }
    return contacts
        .candidates(probe, LIMIT)
        .map(
            found ->
                found.stream()
                    .map(contact -> new ContactMatch(contact, probe.matches(contact)))
                    .filter(match -> !match.matchedBy().isEmpty())
                    .sorted(BEST_CONTACT_FIRST)
                    .toList());
  }
}
