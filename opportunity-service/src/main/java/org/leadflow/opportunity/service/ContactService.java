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
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.leadflow.opportunity.domain.Changed;
import org.leadflow.opportunity.domain.ChangedField;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.InvalidFieldException;
import org.leadflow.opportunity.domain.ContactMatchedBy;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.domain.RecordHistoryEntry;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.ContactRepository;
import org.leadflow.opportunity.persistence.MatchKeyLocks;
import org.leadflow.opportunity.persistence.PossibleDuplicateRepository;
import org.leadflow.web.security.Caller;

/**
 * Contacts users create and edit by hand: each belongs to an account the user may see, is matched
 * against existing contacts as conversions match them, and has an audit entry for every change.
 */
@ApplicationScoped
public class ContactService {

  private static final String KIND = "contact";

  @Inject ContactRepository contacts;
  @Inject AccountRepository accounts;
  @Inject MatchFinder matchFinder;
  @Inject MatchKeyLocks locks;
  @Inject RecordHistory history;
  @Inject PossibleDuplicateRepository possibleDuplicates;
  @Inject Clock clock;

  /** What a user asks of a contact: its fields, and its owner (null: unchanged, or the creator). */
  public record ContactChange(Contact.Fields fields, String ownerId) {}

  /**
   * Creates a contact owned by the caller (or, for a sales manager, by the owner named).
   *
   * @throws InvalidFieldException when the account is not one the caller may see
   * @throws DuplicateRecordsException when contacts the caller may see match it, unless {@code allowDuplicate}
   */
  @WithTransaction
  public Uni<Contact> create(ContactChange change, boolean allowDuplicate, Caller caller) {
    String owner = Owners.ofNew(change.ownerId(), caller);
    Instant now = clock.instant();
    Changed<Contact> opened = Contact.open(UUID.randomUUID(), change.fields(), owner, now);
    Contact contact = opened.record();
    return visibleAccount(change.fields().accountId(), caller)
        .chain(() -> refuseDuplicates(contact.id(), change.fields().probe(), allowDuplicate, caller))
        .chain(() -> recordHiddenDuplicate(contact, change.fields().probe(), caller, now))
        .chain(() -> contacts.persist(contact))
        .call(() -> history.record(RecordHistoryEntry.CONTACT, contact.id(), RecordHistoryEntry.CREATED, opened.changes(), caller, now))
        .call(() -> contacts.flush());
  }

  /**
   * Applies what {@code edit} makes of the contact as it is, if the caller may see it and it is still
   * at {@code expectedVersion}. Duplicates are looked for only when the email or phone changes.
   */
  @WithTransaction
  public Uni<Contact> edit(
      UUID id, long expectedVersion, Function<Contact, ContactChange> edit, boolean allowDuplicate, Caller caller) {
    return Visibility.one(contacts, id, Visibility.OWN_OR_LINKED_CONTACT, caller, () -> RecordNotFoundException.contact(id))
        .chain(
            contact -> {
              if (contact.version() != expectedVersion) {
                throw new StaleRecordException(KIND, expectedVersion, contact.version());
              }
              ContactChange change = edit.apply(contact);
              Instant now = clock.instant();
              String owner = Owners.afterEdit(contact.ownerId(), change.ownerId(), caller);
              MatchProbe before = contact.probe();
              MatchProbe after = change.fields().probe();
              Uni<Void> accountChecked =
                  Objects.equals(contact.accountId(), change.fields().accountId())
                      ? Uni.createFrom().voidItem()
                      : visibleAccount(change.fields().accountId(), caller);
              return accountChecked
                  // Matched before the contact takes its new keys, so that it does not match itself.
                  .chain(
                      () ->
                          after.equals(before)
                              ? Uni.createFrom().voidItem()
                              : refuseDuplicates(id, after, allowDuplicate, caller).chain(() -> recordHiddenDuplicate(contact, after, caller, now)))
                  .chain(
                      () -> {
                        List<ChangedField> changes = new ArrayList<>(contact.apply(change.fields()));
                        changes.addAll(contact.reassign(owner));
                        return history
                            .record(RecordHistoryEntry.CONTACT, id, RecordHistoryEntry.UPDATED, changes, caller, now)
                            .chain(() -> contacts.flush())
                            .replaceWith(contact);
                      });
            })
        .onFailure()
        .transform(failure -> StaleRecordException.ifRaced(failure, KIND, expectedVersion));
  }

  /** One page of the contact's history, newest first, if the caller may see the contact. */
  @WithSession
  public Uni<Page<RecordHistoryEntry>> history(UUID id, int page, int size, Caller caller) {
    return Visibility.one(contacts, id, Visibility.OWN_OR_LINKED_CONTACT, caller, () -> RecordNotFoundException.contact(id))
        .chain(contact -> history.page(RecordHistoryEntry.CONTACT, id, page, size));
  }

  /** An account the caller may not see fails as one that does not exist: it names no account. */
  private Uni<Void> visibleAccount(UUID accountId, Caller caller) {
    return Visibility.one(
            accounts,
            accountId,
            Visibility.OWN_OR_LINKED_ACCOUNT,
            caller,
            () -> new InvalidFieldException("accountId", "names no account you may see"))
        .replaceWithVoid();
  }

  private Uni<Void> refuseDuplicates(UUID self, MatchProbe probe, boolean allowDuplicate, Caller caller) {
    if (allowDuplicate) {
      return Uni.createFrom().voidItem();
    }
    return locks
        .lock(probe.lockKeys(false, true))
        .chain(() -> matchFinder.find(probe, Viewer.of(caller)))
        .invoke(
            found -> {
              List<MatchFinder.ContactMatch> others =
                  found.contacts().stream().filter(match -> !match.contact().id().equals(self)).toList();
              if (!others.isEmpty()) {
                throw new DuplicateRecordsException(KIND, new MatchFinder.Matches(List.of(), others));
              }
            })
        .replaceWithVoid();
  }

  /**
   * When only records the caller may not see match, the contact is kept (they are never named to the
   * caller) and the best of them is recorded as a possible duplicate for a sales manager, as a
   * conversion records it.
   */
  private Uni<Void> recordHiddenDuplicate(Contact contact, MatchProbe probe, Caller caller, Instant now) {
    return matchFinder
        .contact(probe, Viewer.of(caller))
        .chain(
            found ->
                found
                    .hidden()
                    .filter(match -> !match.contact().id().equals(contact.id()))
                    .map(
                        match ->
                            possibleDuplicates
                                .persist(
                                    PossibleDuplicate.ofContact(
                                        contact, match.contact(), match.matchedBy().stream().map(ContactMatchedBy::code).toList(), null, now))
                                .replaceWithVoid())
                    .orElseGet(() -> Uni.createFrom().voidItem()));
  }

}
