package org.leadflow.opportunity.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.Changed;
import org.leadflow.opportunity.domain.ChangedField;
import org.leadflow.opportunity.domain.AccountMatchedBy;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.domain.RecordHistoryEntry;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.MatchKeyLocks;
import org.leadflow.opportunity.persistence.PossibleDuplicateRepository;
import org.leadflow.web.security.Caller;

/**
 * Accounts users create and edit by hand, with the duplicate matching conversions use and an audit
 * entry for every change.
 */
@ApplicationScoped
public class AccountService {

  private static final String KIND = "account";

  @Inject AccountRepository accounts;
  @Inject MatchFinder matchFinder;
  @Inject MatchKeyLocks locks;
  @Inject RecordHistory history;
  @Inject PossibleDuplicateRepository possibleDuplicates;
  @Inject Clock clock;

  /** What a user asks of an account: its fields, and its owner (null: unchanged, or the creator). */
  public record AccountChange(Account.Fields fields, String ownerId) {}

  /**
   * Creates an account owned by the caller (or, for a sales manager, by the owner named).
   *
   * @throws DuplicateRecordsException when accounts the caller may see match it, unless {@code allowDuplicate}
   */
  @WithTransaction
  public Uni<Account> create(AccountChange change, boolean allowDuplicate, Caller caller) {
    String owner = Owners.ofNew(change.ownerId(), caller);
    Instant now = clock.instant();
    Changed<Account> opened = Account.open(UUID.randomUUID(), change.fields(), owner, now);
    Account account = opened.record();
    return refuseDuplicates(account.id(), change.fields().probe(), allowDuplicate, caller)
        .chain(() -> recordHiddenDuplicate(account, change.fields().probe(), caller, now))
        .chain(() -> accounts.persist(account))
        .call(() -> history.record(RecordHistoryEntry.ACCOUNT, account.id(), RecordHistoryEntry.CREATED, opened.changes(), caller, now))
        .call(() -> accounts.flush());
  }

  /**
   * Applies what {@code edit} makes of the account as it is, if the caller may see it and it is still
   * at {@code expectedVersion}. Duplicates are looked for only when a match key changes.
   */
  @WithTransaction
  public Uni<Account> edit(
      UUID id, long expectedVersion, Function<Account, AccountChange> edit, boolean allowDuplicate, Caller caller) {
    return Visibility.one(accounts, id, Visibility.OWN_OR_LINKED_ACCOUNT, caller, () -> RecordNotFoundException.account(id))
        .chain(
            account -> {
              if (account.version() != expectedVersion) {
                throw new StaleRecordException(KIND, expectedVersion, account.version());
              }
              AccountChange change = edit.apply(account);
              String owner = Owners.afterEdit(account.ownerId(), change.ownerId(), caller);
              MatchProbe before = account.probe();
              MatchProbe after = change.fields().probe();
              Instant now = clock.instant();
              // Matched before the account takes its new keys, so that it does not match itself.
              Uni<Void> checked =
                  after.equals(before)
                      ? Uni.createFrom().voidItem()
                      : refuseDuplicates(id, after, allowDuplicate, caller).chain(() -> recordHiddenDuplicate(account, after, caller, now));
              return checked.chain(
                  () -> {
                    List<ChangedField> changes = new ArrayList<>(account.apply(change.fields()));
                    changes.addAll(account.reassign(owner));
                    return history
                        .record(RecordHistoryEntry.ACCOUNT, id, RecordHistoryEntry.UPDATED, changes, caller, now)
                        .chain(() -> accounts.flush())
                        .replaceWith(account);
                  });
            })
        .onFailure()
        .transform(failure -> StaleRecordException.ifRaced(failure, KIND, expectedVersion));
  }

  /** One page of the account's history, newest first, if the caller may see the account. */
  @WithSession
  public Uni<Page<RecordHistoryEntry>> history(UUID id, int page, int size, Caller caller) {
    return Visibility.one(accounts, id, Visibility.OWN_OR_LINKED_ACCOUNT, caller, () -> RecordNotFoundException.account(id))
        .chain(account -> history.page(RecordHistoryEntry.ACCOUNT, id, page, size));
  }

  /**
   * Serialises creations and edits of one organisation (the conversion's match-key locks), then fails
   * when accounts the caller may see, other than {@code self}, match.
   */
  private Uni<Void> refuseDuplicates(UUID self, MatchProbe probe, boolean allowDuplicate, Caller caller) {
    if (allowDuplicate) {
      return Uni.createFrom().voidItem();
    }
    return locks
        .lock(probe.lockKeys(true, false))
        .chain(() -> matchFinder.find(probe, Viewer.of(caller)))
        .invoke(
            found -> {
              List<MatchFinder.AccountMatch> others =
                  found.accounts().stream().filter(match -> !match.account().id().equals(self)).toList();
              if (!others.isEmpty()) {
                throw new DuplicateRecordsException(KIND, new MatchFinder.Matches(others, List.of()));
              }
            })
        .replaceWithVoid();
  }

  /**
   * When only records the caller may not see match, the account is kept (they are never named to the
   * caller) and the best of them is recorded as a possible duplicate for a sales manager, as a
   * conversion records it.
   */
  private Uni<Void> recordHiddenDuplicate(Account account, MatchProbe probe, Caller caller, Instant now) {
    return matchFinder
        .account(probe, Viewer.of(caller))
        .chain(
            found ->
                found
                    .hidden()
                    .filter(match -> !match.account().id().equals(account.id()))
                    .map(
                        match ->
                            possibleDuplicates
                                .persist(
                                    PossibleDuplicate.ofAccount(
                                        account, match.account(), match.matchedBy().stream().map(AccountMatchedBy::code).toList(), null, now))
                                .replaceWithVoid())
                    .orElseGet(() -> Uni.createFrom().voidItem()));
  }

}
