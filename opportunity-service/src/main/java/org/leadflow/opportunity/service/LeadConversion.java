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
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.leadflow.contracts.lead.LeadQualified;
import org.leadflow.contracts.lead.LeadQualified.LeadSnapshot;
import org.leadflow.contracts.lead.LeadQualified.Options;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.ConversionFailedException;
import org.leadflow.opportunity.domain.ConversionFailure;
import org.leadflow.opportunity.domain.MatchProbe;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.persistence.AccountRepository;
import org.leadflow.opportunity.persistence.ContactRepository;
import org.leadflow.opportunity.persistence.MatchKeyLocks;
import org.leadflow.opportunity.persistence.OpportunityLineRepository;
import org.leadflow.opportunity.persistence.OpportunityRepository;

/**
 * Converts a qualified lead (DESIGN.md section 7): resolves the account and the contact (an existing
 * one named by the seller, else a matching existing one, else a new one with exactly the id
 * lead-service chose), opens the opportunity with its lines, and answers with {@code
 * opportunity.created} — or, when a business rule forbids it, creates nothing and answers with
 * {@code opportunity.conversion-failed}.
 *
 * <p>Runs in the caller's transaction (the inbox's), so the records, the answer and the inbox entry
 * commit together. Everything is decided before anything is stored, so a failure leaves nothing behind.
 */
@ApplicationScoped
public class LeadConversion {

  private static final Logger LOG = Logger.getLogger(LeadConversion.class);
  private static final LeadSnapshot NOTHING_KNOWN =
      new LeadSnapshot(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** What became of a LeadQualified. */
  public enum Result {
    /** The records were created (or existing ones reused) and opportunity.created was appended. */
    CONVERTED,
    /** Nothing was created; opportunity.conversion-failed was appended. */
    FAILED,
    /** This conversion had already been carried out (a repeat of its event): nothing changed. */
    ALREADY_CONVERTED
  }

  @Inject AccountRepository accounts;
  @Inject ContactRepository contacts;
  @Inject OpportunityRepository opportunities;
  @Inject OpportunityLineRepository lines;
  @Inject MatchFinder matches;
  @Inject MatchKeyLocks locks;
  @Inject OpportunityEvents events;
  @Inject Clock clock;

  /** A resolved account or contact: none, an existing one, or a new one to store. */
  private record Resolved<T>(T record, boolean created) {
    static <T> Resolved<T> none() {
      return new Resolved<>(null, false);
    }

    static <T> Resolved<T> existing(T record) {
      return new Resolved<>(record, false);
    }

    static <T> Resolved<T> created(T record) {
      return new Resolved<>(record, true);
    }
  }

  /**
   * Must run inside a transaction. The event must carry {@code leadId}, {@code conversionId},
   * {@code options}, and the ids of the records its options ask to create.
   */
  public Uni<Result> convert(LeadQualified event) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return Uni.createFrom()
        .deferred(() -> attempt(event, now))
        .onFailure(ConversionFailedException.class)
        .recoverWithUni(
            failure -> {
              ConversionFailedException failed = (ConversionFailedException) failure;
              LOG.infof(
                  "Conversion %s of lead %s failed: %s (%s)",
                  event.conversionId(), event.leadId(), failed.reason().code(), failed.detail());
              return events.conversionFailed(event, failed, now).replaceWith(Result.FAILED);
            });
  }

  private Uni<Result> attempt(LeadQualified event, Instant now) {
    Options options = event.options();
    return opportunities
        .withIdOrLead(event.opportunityId(), event.leadId())
        .chain(
            existing -> {
              Optional<Opportunity> ofLead =
                  existing.stream().filter(o -> o.originatingLeadId().equals(event.leadId())).findFirst();
              if (ofLead.isPresent() && ofLead.get().madeBy(event.conversionId())) {
                return Uni.createFrom().item(Result.ALREADY_CONVERTED);
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

  private Uni<Result> resolveAndStore(LeadQualified event, Instant now) {
    Options options = event.options();
    LeadSnapshot lead = event.lead() != null ? event.lead() : NOTHING_KNOWN;
    // Read before anything is looked up: a malformed draft fails at once.
    Opportunity.Draft draft = options.createOpportunity() ? draft(event, lead) : null;
    MatchProbe probe = MatchProbe.of(lead.companyName(), lead.website(), lead.email(), lead.phone());
    boolean mayCreateAccount = options.existingAccountId() == null && options.createAccount();
    boolean mayCreateContact = options.existingContactId() == null && options.createContact();
    return locks
        .lock(probe.lockKeys(mayCreateAccount, mayCreateContact))
        .chain(() -> resolveAccount(event, lead, probe, now))
        .chain(
            account ->
                resolveContact(event, lead, probe, account.record(), now)
                    .chain(contact -> store(event, draft, account, contact, now)));
  }

  private Uni<Resolved<Account>> resolveAccount(LeadQualified event, LeadSnapshot lead, MatchProbe probe, Instant now) {
    Options options = event.options();
    if (options.existingAccountId() != null) {
      return accounts
          .findById(options.existingAccountId())
          .map(
              account -> {
                if (account == null) {
                  throw new ConversionFailedException(
                      ConversionFailure.ACCOUNT_NOT_FOUND, "No account with id " + options.existingAccountId());
                }
                return Resolved.existing(account);
              });
    }
    if (!options.createAccount() || blank(lead.companyName())) {
      return Uni.createFrom().item(Resolved.none());
    }
    return accounts
        .findById(event.accountId())
        // Present when this conversion already ran without an opportunity, which leaves no other trace.
        .chain(earlier -> earlier != null ? Uni.createFrom().item(Optional.of(earlier)) : matches.bestAccount(probe))
        .map(
            found ->
                found.map(Resolved::existing)
                    .orElseGet(
                        () ->
                            Resolved.created(
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
                                    now))));
  }

  private Uni<Resolved<Contact>> resolveContact(
      LeadQualified event, LeadSnapshot lead, MatchProbe probe, Account account, Instant now) {
    Options options = event.options();
    if (options.existingContactId() != null) {
      return contacts
          .findById(options.existingContactId())
          .map(
              contact -> {
                if (contact == null) {
                  throw new ConversionFailedException(
                      ConversionFailure.CONTACT_NOT_FOUND, "No contact with id " + options.existingContactId());
                }
                return Resolved.existing(contact);
              });
    }
    Contact.Details details =
        new Contact.Details(lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.jobTitle());
    if (!options.createContact() || !details.identifiesAPerson()) {
      return Uni.createFrom().item(Resolved.none());
    }
    return contacts
        .findById(event.contactId())
        .chain(earlier -> earlier != null ? Uni.createFrom().item(Optional.of(earlier)) : matches.bestContact(probe))
        .map(
            found ->
                found.map(Resolved::existing)
                    .orElseGet(
                        () ->
                            Resolved.created(
                                Contact.create(
                                    event.contactId(),
                                    details,
                                    account == null ? null : account.id(),
                                    event.ownerId(),
                                    event.leadId(),
                                    now))));
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
    if (opened == null) {
      LOG.infof(
          "Conversion %s of lead %s asked for no opportunity: account %s, contact %s",
          event.conversionId(), event.leadId(), accountId, contactId);
      return stored.replaceWith(Result.CONVERTED);
    }
    return stored
        .call(() -> opportunities.persist(opened.opportunity()))
        .call(() -> opened.lines().isEmpty() ? Uni.createFrom().voidItem() : lines.persist(opened.lines()))
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
