package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A person LeadFlow sells to (Dynamics' contact), possibly working for an account. */
@Entity
@Table(name = "contact")
public class Contact {

  @Id private UUID id;

  private String firstName;
  private String lastName;
  private String email;
  private String phone;
  private String jobTitle;
  private UUID accountId;
  private String ownerId;
  private UUID originatingLeadId;
  private Instant createdAt;

  @Version private long version;

  protected Contact() {}

  /** What a contact is made from: the person part of a lead. */
  public record Details(String firstName, String lastName, String email, String phone, String jobTitle) {

    /** A contact needs something to call the person by or reach them at. */
    public boolean identifiesAPerson() {
      return present(firstName) || present(lastName) || present(email);
    }

    private static boolean present(String value) {
      return value != null && !value.isBlank();
    }
  }

  /**
   * A new contact for a qualified lead's person. The email is kept lower-case and the phone in
   * E.164 when it is one, so that later conversions find this contact again.
   *
   * @throws ConversionFailedException ({@link ConversionFailure#INVALID_LEAD_DATA}) when a value is
   *     longer than a contact holds
   */
  public static Contact create(
      UUID id, Details details, UUID accountId, String ownerId, UUID originatingLeadId, Instant now) {
    Contact contact = new Contact();
    contact.id = Objects.requireNonNull(id, "id");
    contact.firstName = LeadDataLimits.atMost("firstName", details.firstName(), 100);
    contact.lastName = LeadDataLimits.atMost("lastName", details.lastName(), 100);
    contact.email = LeadDataLimits.atMost("email", MatchProbe.normalizeEmail(details.email()), 254);
    String e164 = PhoneNumbers.toE164(details.phone());
    contact.phone = LeadDataLimits.atMost("phone", e164 != null ? e164 : details.phone(), 20);
    contact.jobTitle = LeadDataLimits.atMost("jobTitle", details.jobTitle(), 100);
    contact.accountId = accountId;
    contact.ownerId = ownerId;
    contact.originatingLeadId = originatingLeadId;
    contact.createdAt = now;
    return contact;
  }

  /**
   * What a user states about a contact they create or edit: the person, and the account they work
   * for (which the user must be able to see; the service checks that).
   *
   * @throws InvalidFieldException when a value does not fit
   */
  public record Fields(String firstName, String lastName, String email, String phone, String jobTitle, UUID accountId) {

    public Fields {
      firstName = InvalidFieldException.text("firstName", firstName, 100);
      lastName = InvalidFieldException.text("lastName", lastName, 100);
      email = InvalidFieldException.text("email", MatchProbe.normalizeEmail(email), 254);
      if (email != null && (email.indexOf('@') <= 0 || email.indexOf('@') != email.lastIndexOf('@')
          || InternetDomains.ofEmail(email) == null || email.chars().anyMatch(Character::isWhitespace))) {
        throw new InvalidFieldException("email", "must be an email address such as ada@example.com");
      }
      if (firstName == null && lastName == null && email == null) {
        throw new InvalidFieldException("lastName", "a contact needs a first name, a last name or an email");
      }
      phone = InvalidFieldException.text("phone", phone, 40);
      if (phone != null) {
        String e164 = PhoneNumbers.toE164(phone);
        phone = InvalidFieldException.text("phone", e164 != null ? e164 : phone, 20);
      }
      jobTitle = InvalidFieldException.text("jobTitle", jobTitle, 100);
      if (accountId == null) {
        throw new InvalidFieldException("accountId", "must name the contact's account");
      }
    }

    /** The keys existing contacts are matched by. */
    public MatchProbe probe() {
      return new MatchProbe(null, null, null, email, PhoneNumbers.toE164(phone));
    }
  }

  /** A contact a user creates by hand, owned by {@code ownerId}, with every value it was given as a change. */
  public static Changed<Contact> open(UUID id, Fields fields, String ownerId, Instant now) {
    Contact contact = new Contact();
    contact.id = Objects.requireNonNull(id, "id");
    contact.createdAt = now;
    List<ChangedField> changes = new ArrayList<>(contact.apply(fields));
    changes.addAll(contact.reassign(ownerId));
    return new Changed<>(contact, changes);
  }

  /** Takes what {@code fields} state, and answers what changed. */
  public List<ChangedField> apply(Fields fields) {
    List<ChangedField> changes =
        new ChangedField.Collector()
            .compare("firstName", firstName, fields.firstName())
            .compare("lastName", lastName, fields.lastName())
            .compare("email", email, fields.email())
            .compare("phone", phone, fields.phone())
            .compare("jobTitle", jobTitle, fields.jobTitle())
            .compare("accountId", accountId, fields.accountId())
            .changes();
    firstName = fields.firstName();
    lastName = fields.lastName();
    email = fields.email();
    phone = fields.phone();
    jobTitle = fields.jobTitle();
    accountId = fields.accountId();
    return changes;
  }

  /** Gives the contact to another owner (a sales manager's decision), answering the change. */
  public List<ChangedField> reassign(String newOwnerId) {
    List<ChangedField> changes = new ChangedField.Collector().compare("ownerId", ownerId, newOwnerId).changes();
    ownerId = Objects.requireNonNull(newOwnerId, "ownerId");
    return changes;
  }

  /** The keys this contact is matched by. */
  public MatchProbe probe() {
    return new MatchProbe(null, null, null, email, PhoneNumbers.toE164(phone));
  }

  /** "First Last", or whichever of them is known; the email when neither is. */
  public String fullName() {
    String name =
        Stream.of(firstName, lastName)
            .filter(part -> part != null && !part.isBlank())
            .collect(Collectors.joining(" "));
    return name.isEmpty() ? email : name;
  }

  public UUID id() {
    return id;
  }

  public String firstName() {
    return firstName;
  }

  public String lastName() {
    return lastName;
  }

  public String email() {
    return email;
  }

  public String phone() {
    return phone;
  }

  public String jobTitle() {
    return jobTitle;
  }

  public UUID accountId() {
    return accountId;
  }

  public String ownerId() {
    return ownerId;
  }

  public UUID originatingLeadId() {
    return originatingLeadId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
