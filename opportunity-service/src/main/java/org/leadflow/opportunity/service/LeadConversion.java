package org.leadflow.opportunity.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadQualified.LeadSnapshot;
import org.leadflow.contracts.lead.LeadQualified.Options;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.AccountMatchedBy;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.ContactMatchedBy;
import org.leadflow.opportunity.domain.ConversionFailedException;
import org.leadflow.opportunity.domain.ConversionFailure;
import org.leadflow.opportunity.domain.FailedConversion;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.domain.OpportunityStage;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.ContactRepository;
import org.leadflow.opportunity.persistence.FailedConversionRepository;
import org.leadflow.opportunity.persistence.MatchKeyLocks;
import org.leadflow.opportunity.persistence.OpportunityLineRepository;
import org.leadflow.opportunity.persistence.OpportunityRepository;
import org.leadflow.opportunity.persistence.PossibleDuplicateRepository;
import org.leadflow.opportunity.persistence.StageSettingRepository;
import org.leadflow.opportunity.persistence.StageVisitRepository;
import org.leadflow.web.security.Caller;

/**
 * Converts a qualified lead (docs/architecture.md, section Conversion): resolves the account and the contact (an existing
 * one named by the seller, else a matching existing one, else a new one with exactly the id
 * lead-service chose), opens the opportunity with its lines, and answers with {@code
 * opportunity.created} — or, when a business rule forbids it, creates nothing and answers with
 * {@code opportunity.conversion-failed}.
 *
 * <p>Linking and reuse see only what the lead's owner may see, by the seller's
 * rule whatever the owner's roles (the event carries none): records the owner owns, or that one of
 * the owner's opportunities is linked to. An {@code existingAccountId} of another owner fails exactly
 * as an unknown one; where only another owner's record matches, a new record is created and the pair
 * recorded as a {@link PossibleDuplicate}.
 *
 * <p>Runs in the caller's transaction (the inbox's), so the records, the answer and the inbox entry
 * commit together. Everything is decided before anything is stored, so a failure leaves nothing behind.
 */
@ApplicationScoped
public class LeadConversion {

  private static final Logger LOG = Logger.getLogger(LeadConversion.class);
  private static final LeadSnapshot NOTHING_KNOWN =
      new LeadSnapshot(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  /** What an owner id holds, here as in lead-service. */
  private static final int MAX_OWNER_ID = Caller.MAX_ID_LENGTH;

  /** What became of a LeadQualified. */
  public enum Result {
    /** The records were created (or existing ones reused) and opportunity.created was appended. */
    CONVERTED,
    /** Nothing was created; opportunity.conversion-failed was appended. */
    FAILED,
    /**
     * This conversion had been answered before (its event came again, under a new event id):
     * nothing changed, and the same answer was appended again.
     */
    ANSWERED_AGAIN
  }

  @Inject AccountRepository accounts;
  @Inject ContactRepository contacts;
  @Inject OpportunityRepository opportunities;
  @Inject OpportunityLineRepository lines;
  @Inject StageSettingRepository stageSettings;
  @Inject StageVisitRepository stageVisits;
  @Inject PossibleDuplicateRepository possibleDuplicates;
  @Inject FailedConversionRepository failedConversions;
  @Inject MatchFinder matches;
  @Inject MatchKeyLocks locks;
  @Inject OpportunityEvents events;
  @Inject Clock clock;

  /**
   * A resolved account or contact: none, an existing one, or a new one to store (with the record of
   * another owner it may duplicate).
   */
  private record Resolved<T>(T record, boolean created, Optional<PossibleDuplicate> possibleDuplicate) {
    static <T> Resolved<T> none() {
      return new Resolved<>(null, false, Optional.empty());
    }

    static <T> Resolved<T> existing(T record) {
      return new Resolved<>(record, false, Optional.empty());
    }

    static <T> Resolved<T> created(T record, Optional<PossibleDuplicate> possibleDuplicate) {
      return new Resolved<>(record, true, possibleDuplicate);
    }
  }

  /** Must run inside a transaction. The event must carry {@code leadId} and {@code conversionId}. */
  public Uni<Result> convert(LeadQualified event) {
    Instant now = now();
    return Uni.createFrom()
        .deferred(() -> failedBefore(event).chain(answered -> answered ? Uni.createFrom().item(Result.ANSWERED_AGAIN) : attempt(event, now)))
        .onFailure(ConversionFailedException.class)
        .recoverWithUni(failure -> fail(event, (ConversionFailedException) failure, now));
  }

  /**
   * Answers a conversion whose data the database refused (SQLSTATE class 22) in an attempt that was
   * rolled back: must run in a new transaction. Nothing is created.
   */
  public Uni<Result> refused(LeadQualified event, String refusal) {
    return fail(
        event,
        new ConversionFailedException(
            ConversionFailure.DATA_REFUSED, "The database refused a value of the lead or of the opportunity: " + refusal),
        now());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Uni<Result> fail(LeadQualified event, ConversionFailedException failure, Instant now) {
    LOG.infof(
        "Conversion %s of lead %s failed: %s (%s)", event.conversionId(), event.leadId(), failure.reason().code(), failure.detail());
    FailedConversion failed = FailedConversion.of(event.leadId(), event.conversionId(), event.opportunityId(), failure, now);
    return failedConversions.persist(failed).chain(() -> events.conversionFailed(failed)).replaceWith(Result.FAILED);
  }

  /**
   * Whether this conversion failed before; if so, its failure is answered again. A conversion
   * answered before gets the same answer again: the first may never have reached lead-service, and a
   * sales manager re-publishes a pending conversion's LeadQualified for that.
   */
  private Uni<Boolean> failedBefore(LeadQualified event) {
    return failedConversions
        .findById(event.conversionId())
        .chain(
            failed -> {
              if (failed == null) {
                return Uni.createFrom().item(false);
              }
              LOG.infof("Conversion %s of lead %s failed before: answering again", event.conversionId(), event.leadId());
              return events.conversionFailed(failed).replaceWith(true);
            });
  }

  /** This conversion made {@code opportunity} before: the same opportunity.created, again. */
  private Uni<Result> createdAgain(LeadQualified event, Opportunity opportunity) {
    LOG.infof("Conversion %s of lead %s was carried out before: answering again", event.conversionId(), event.leadId());
    Options options = event.options();
    // A record is created with exactly the id lead-service chose; a reused or linked one has its own.
    boolean accountCreated =
        options.existingAccountId() == null && Objects.equals(opportunity.accountId(), event.accountId());
    boolean contactCreated =
        options.existingContactId() == null && Objects.equals(opportunity.contactId(), event.contactId());
    return events.created(opportunity, accountCreated, contactCreated).replaceWith(Result.ANSWERED_AGAIN);
  }

  private Uni<Result> attempt(LeadQualified event, Instant now) {
    requireComplete(event);
    Options options = event.options();
    return opportunities
        .withIdOrLead(event.opportunityId(), event.leadId())
        .chain(
            existing -> {
              Optional<Opportunity> ofLead =
                  existing.stream().filter(o -> o.originatingLeadId().equals(event.leadId())).findFirst();
              if (ofLead.isPresent() && ofLead.get().madeBy(event.conversionId())) {
                return createdAgain(event, ofLead.get());
              }
              if (options.createOpportunity()) {
                if (ofLead.isPresent()) {
                  throw new ConversionFailedException(
                      ConversionFailure.LEAD_ALREADY_CONVERTED,
                      "Lead " + event.leadId() + " already has opportunity " + ofLead.get().id()
                          + " from conversion " + ofLead.get().conversionId());
                }
                if (existing.stream().anyMatch(o -> o.id().equals(event.opportunityId()))) {
                  throw new ConversionFailedException(
                      ConversionFailure.OPPORTUNITY_ID_TAKEN,
                      "Opportunity id " + event.opportunityId() + " is taken by another lead's opportunity");
                }
              }
              return resolveAndStore(event, now);
            });
  }

  /** What every conversion needs beyond the lead and the conversion; without it, it fails. */
  private static void requireComplete(LeadQualified event) {
    List<String> missing = new ArrayList<>();
    Options options = event.options();
    if (options == null) {
      missing.add("options");
    } else {
      if (options.createOpportunity() && event.opportunityId() == null) {
        missing.add("opportunityId");
      }
      if (options.createAccount() && options.existingAccountId() == null && event.accountId() == null) {
        missing.add("accountId");
      }
      if (options.createContact() && options.existingContactId() == null && event.contactId() == null) {
        missing.add("contactId");
      }
    }
    if (blank(event.ownerId())) {
      missing.add("ownerId");
    } else if (event.ownerId().length() > MAX_OWNER_ID) {
      throw new ConversionFailedException(
          ConversionFailure.INCOMPLETE_EVENT, "The event's ownerId is longer than " + MAX_OWNER_ID + " characters");
    }
    if (!missing.isEmpty()) {
      throw new ConversionFailedException(ConversionFailure.INCOMPLETE_EVENT, "The event lacks " + String.join(", ", missing));
    }
  }

  private Uni<Result> resolveAndStore(LeadQualified event, Instant now) {
    Options options = event.options();
    LeadSnapshot lead = event.lead() != null ? event.lead() : NOTHING_KNOWN;
    // Read before anything is looked up: a malformed draft fails at once.
    Opportunity.Draft draft = options.createOpportunity() ? draft(event, lead) : null;
    MatchProbe probe = MatchProbe.of(lead.companyName(), lead.website(), lead.email(), lead.phone());
    Viewer owner = Viewer.owner(event.ownerId());
    boolean mayCreateAccount = options.existingAccountId() == null && options.createAccount();
    boolean mayCreateContact = options.existingContactId() == null && options.createContact();
    return locks
        .lock(probe.lockKeys(mayCreateAccount, mayCreateContact))
        .chain(() -> resolveAccount(event, lead, probe, owner, now))
        .chain(
            account ->
                resolveContact(event, lead, probe, owner, account.record(), now)
                    .chain(contact -> store(event, draft, account, contact, now)));
  }

  private Uni<Resolved<Account>> resolveAccount(
      LeadQualified event, LeadSnapshot lead, MatchProbe probe, Viewer owner, Instant now) {
    Options options = event.options();
    UUID named = options.existingAccountId();
    if (named != null) {
      return Visibility.one(
              accounts, named, Visibility.OWN_OR_LINKED_ACCOUNT, owner,
              () -> new ConversionFailedException(ConversionFailure.ACCOUNT_NOT_FOUND, "No account with id " + named))
          .map(Resolved::existing);
    }
    if (!options.createAccount() || blank(lead.companyName())) {
      return Uni.createFrom().item(Resolved.none());
    }
    return accounts
        .findById(event.accountId())
        .chain(
            earlier -> {
              if (earlier != null) {
                // This conversion already ran without an opportunity, which leaves no other trace.
                return Uni.createFrom().item(Resolved.existing(ofThisLead(earlier.originatingLeadId(), earlier, event, "accountId")));
              }
              return matches
                  .account(probe, owner)
                  .map(
                      found -> {
                        if (found.reusable().isPresent()) {
                          return Resolved.existing(found.reusable().get().account());
                        }
                        Account created =
                            Account.create(
                                event.accountId(),
                                new Account.Details(
                                    lead.companyName(),
                                    lead.website(),
                                    lead.industry(),
                                    lead.numberOfEmployees(),
                                    leadMoney("annual revenue", lead.annualRevenue()),
                                    lead.country(),
                                    lead.city(),
                                    lead.phone(),
                                    lead.email()),
                                event.ownerId(),
                                event.leadId(),
                                now);
                        return Resolved.created(
                            created,
                            found.hidden()
                                .map(
                                    hidden ->
                                        PossibleDuplicate.ofAccount(
                                            created, hidden.account(), codes(hidden.matchedBy(), AccountMatchedBy::code),
                                            event.conversionId(), now)));
                      });
            });
  }

  private Uni<Resolved<Contact>> resolveContact(
      LeadQualified event, LeadSnapshot lead, MatchProbe probe, Viewer owner, Account account, Instant now) {
    Options options = event.options();
    UUID named = options.existingContactId();
    if (named != null) {
      return Visibility.one(
              contacts, named, Visibility.OWN_OR_LINKED_CONTACT, owner,
              () -> new ConversionFailedException(ConversionFailure.CONTACT_NOT_FOUND, "No contact with id " + named))
          .map(Resolved::existing);
    }
    Contact.Details details =
        new Contact.Details(lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.jobTitle());
    if (!options.createContact() || !details.identifiesAPerson()) {
      return Uni.createFrom().item(Resolved.none());
    }
    return contacts
        .findById(event.contactId())
        .chain(
            earlier -> {
              if (earlier != null) {
                return Uni.createFrom().item(Resolved.existing(ofThisLead(earlier.originatingLeadId(), earlier, event, "contactId")));
              }
              return matches
                  .contact(probe, owner)
                  .map(
                      found -> {
                        if (found.reusable().isPresent()) {
                          return Resolved.existing(found.reusable().get().contact());
                        }
                        Contact created =
                            Contact.create(
                                event.contactId(), details, account == null ? null : account.id(), event.ownerId(), event.leadId(), now);
                        return Resolved.created(
                            created,
                            found.hidden()
                                .map(
                                    hidden ->
                                        PossibleDuplicate.ofContact(
                                            created, hidden.contact(), codes(hidden.matchedBy(), ContactMatchedBy::code),
                                            event.conversionId(), now)));
                      });
            });
  }

  /**
   * A record that already has the id lead-service chose for this conversion's new one: this lead's
   * (an earlier run of the conversion) is taken again; another lead's is never handed over.
   */
  private static <T> T ofThisLead(UUID originatingLeadId, T record, LeadQualified event, String idName) {
    if (!event.leadId().equals(originatingLeadId)) {
      throw new ConversionFailedException(
          ConversionFailure.INCOMPLETE_EVENT, "The event's " + idName + " is the id of another lead's record");
    }
    return record;
  }

  private static <E> List<String> codes(Set<E> matchedBy, Function<E, String> code) {
    return matchedBy.stream().map(code).sorted().toList();
  }

  private Uni<Result> store(
      LeadQualified event, Opportunity.Draft draft, Resolved<Account> account, Resolved<Contact> contact, Instant now) {
    UUID accountId = account.record() == null ? null : account.record().id();
    UUID contactId = contact.record() == null ? null : contact.record().id();
    // Valued (and possibly refused) before anything is stored.
    Opportunity.Opened opened = draft == null ? null : Opportunity.open(draft, accountId, contactId, now);
    Uni<Void> stored = Uni.createFrom().voidItem();
    if (account.created()) {
      stored = stored.call(() -> accounts.persist(account.record()));
    }
    if (contact.created()) {
      stored = stored.call(() -> contacts.persist(contact.record()));
    }
    for (PossibleDuplicate duplicate : Stream.concat(account.possibleDuplicate().stream(), contact.possibleDuplicate().stream()).toList()) {
      LOG.infof(
          "Conversion %s of lead %s created %s %s although %s of another owner matches it: recorded as a possible duplicate",
          event.conversionId(), event.leadId(), duplicate.recordType(), duplicate.recordId(), duplicate.existingRecordId());
      stored = stored.call(() -> possibleDuplicates.persist(duplicate));
    }
    if (opened == null) {
      LOG.infof(
          "Conversion %s of lead %s asked for no opportunity: account %s, contact %s",
          event.conversionId(), event.leadId(), accountId, contactId);
      return stored.replaceWith(Result.CONVERTED);
    }
    return stored
        .call(() -> stageSettings.findById(OpportunityStage.QUALIFY).invoke(first -> opened.opportunity().startWithProbability(first.defaultProbability())))
        .call(() -> opportunities.persist(opened.opportunity()))
        .call(() -> opened.lines().isEmpty() ? Uni.createFrom().voidItem() : lines.persist(opened.lines()))
        .call(() -> stageVisits.persist(opened.firstStage()))
        .call(() -> events.created(opened.opportunity(), account.created(), contact.created()))
        .replaceWith(Result.CONVERTED);
  }

  /** The opportunity the event asks for, read and checked; its account and contact are resolved later. */
  private static Opportunity.Draft draft(LeadQualified event, LeadSnapshot lead) {
    LeadQualified.OpportunityDraft asked = event.opportunity();
    List<OpportunityLine.Draft> lineDrafts = new ArrayList<>();
    Money stated = null;
    String name = null;
    LocalDate closeDate = null;
    if (asked != null) {
      List<LeadQualified.Line> askedLines = asked.lines() == null ? List.of() : asked.lines();
      for (int i = 0; i < askedLines.size(); i++) {
        LeadQualified.Line line = askedLines.get(i);
        if (line == null) {
          throw new ConversionFailedException(ConversionFailure.INVALID_OPPORTUNITY, "Line " + (i + 1) + " is empty");
        }
        lineDrafts.add(
            OpportunityLine.Draft.parse(
                i + 1,
                line.productName(),
                line.quantity(),
                line.unitPrice() == null ? null : line.unitPrice().amount(),
                line.unitPrice() == null ? null : line.unitPrice().currency()));
      }
      if (asked.estimatedValue() != null) {
        try {
          stated = money(asked.estimatedValue());
        } catch (IllegalArgumentException e) {
          throw new ConversionFailedException(
              ConversionFailure.INVALID_OPPORTUNITY, "estimatedValue is not money: " + e.getMessage());
        }
      }
      name = asked.name();
      closeDate = asked.estimatedCloseDate();
    }
    if (blank(name)) {
      name = Opportunity.defaultName(lead.companyName(), lead.firstName(), lead.lastName());
    }
    return new Opportunity.Draft(
        event.opportunityId(), event.leadId(), event.conversionId(), name, event.ownerId(),
        lineDrafts, stated, leadMoney("budget", lead.budgetAmount()), closeDate);
  }

  /**
   * Money the lead knew (budget, annual revenue): lead-service checked it, and a malformed one is
   * left out rather than failing a conversion that does not depend on it.
   */
  private static Money leadMoney(String what, org.leadflow.contracts.Money money) {
    try {
      return money(money);
    } catch (IllegalArgumentException e) {
      LOG.warnf("Ignoring the lead's malformed %s %s: %s", what, money, e.getMessage());
      return null;
    }
  }

  private static Money money(org.leadflow.contracts.Money money) {
    return money == null ? null : Money.parse(money.amount(), money.currency());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
