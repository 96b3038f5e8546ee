package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
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
