package org.leadflow.opportunity.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An organisation LeadFlow sells to (Dynamics' account). */
@Entity
@Table(name = "account")
public class Account {

  @Id private UUID id;

  private String name;
  private String normalizedName;
  private String website;
  private String websiteDomain;
  private String industry;
  private Integer numberOfEmployees;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "annual_revenue_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "annual_revenue_currency"))
  })
  private Money annualRevenue;

  private String country;
  private String city;
  private String phone;
  private String emailDomain;
  private String ownerId;
  private UUID originatingLeadId;
  private Instant createdAt;

  @Version private long version;

  protected Account() {}

  /** What an account is made from: the company part of a lead. */
  public record Details(
      String name,
      String website,
      String industry,
      Integer numberOfEmployees,
      Money annualRevenue,
      String country,
      String city,
      String phone,
      String email) {}

  /**
   * A new account for a qualified lead's company. Its match keys (normalised name, website domain,
   * and the email domain unless it is free mail) are derived here, once.
   *
   * @throws ConversionFailedException ({@link ConversionFailure#INVALID_LEAD_DATA}) when a value is
   *     longer than an account holds
   */
  public static Account create(UUID id, Details details, String ownerId, UUID originatingLeadId, Instant now) {
    Account account = new Account();
    account.id = Objects.requireNonNull(id, "id");
    account.name = LeadDataLimits.atMost("companyName", Objects.requireNonNull(details.name(), "name").strip(), 200);
    account.normalizedName = CompanyNames.normalize(account.name);
    account.website = LeadDataLimits.atMost("website", details.website(), 500);
    account.websiteDomain =
        LeadDataLimits.atMost("website's domain", InternetDomains.organisational(InternetDomains.ofWebsite(details.website())), 253);
    account.industry = LeadDataLimits.atMost("industry", details.industry(), 100);
    account.numberOfEmployees = details.numberOfEmployees();
    account.annualRevenue = details.annualRevenue();
    account.country = LeadDataLimits.atMost("country", details.country(), 2);
    account.city = LeadDataLimits.atMost("city", details.city(), 100);
    account.phone = LeadDataLimits.atMost("phone", details.phone(), 20);
    account.emailDomain =
        LeadDataLimits.atMost("email's domain", InternetDomains.organisational(InternetDomains.ofEmail(details.email())), 253);
    account.ownerId = ownerId;
    account.originatingLeadId = originatingLeadId;
    account.createdAt = now;
    return account;
  }

  /**
   * What a user states about an account they create or edit. The email domain is the organisation's
   * (never a free-mail domain), the country ISO 3166-1 alpha-2.
   *
   * @throws InvalidFieldException when a value does not fit
   */
  public record Fields(
      String name,
      String website,
      String industry,
      Integer numberOfEmployees,
      Money annualRevenue,
      String country,
      String city,
      String phone,
      String emailDomain) {

    public Fields {
      name = InvalidFieldException.required("name", name, 200);
      if (CompanyNames.normalize(name).isEmpty()) {
        throw new InvalidFieldException("name", "must contain a letter or digit");
      }
      website = InvalidFieldException.text("website", website, 500);
      if (website != null && InternetDomains.ofWebsite(website) == null) {
        throw new InvalidFieldException("website", "must name an internet host, such as https://example.com");
      }
      if (website != null && InternetDomains.ofWebsite(website).length() > 253) {
        throw new InvalidFieldException("website", "names a host longer than 253 characters");
      }
      industry = InvalidFieldException.text("industry", industry, 100);
      if (numberOfEmployees != null && numberOfEmployees < 0) {
        throw new InvalidFieldException("numberOfEmployees", "must not be negative");
      }
      country = InvalidFieldException.text("country", country, 2);
      if (country != null) {
        country = country.toUpperCase(java.util.Locale.ROOT);
        if (!java.util.Set.of(java.util.Locale.getISOCountries()).contains(country)) {
          throw new InvalidFieldException("country", "must be an ISO 3166-1 alpha-2 code such as GB");
        }
      }
      city = InvalidFieldException.text("city", city, 100);
      phone = InvalidFieldException.text("phone", phone, 40);
      if (phone != null) {
        String e164 = PhoneNumbers.toE164(phone);
        phone = InvalidFieldException.text("phone", e164 != null ? e164 : phone, 20);
      }
      emailDomain = InvalidFieldException.text("emailDomain", emailDomain, 253);
      if (emailDomain != null) {
        String domain = emailDomain.contains("@") || emailDomain.contains("/") ? null : InternetDomains.ofWebsite(emailDomain);
        if (domain == null) {
          throw new InvalidFieldException("emailDomain", "must be an internet domain such as example.com");
        }
        if (InternetDomains.isFreeMail(domain)) {
          throw new InvalidFieldException("emailDomain", "is a free-mail domain, which names no organisation");
        }
        emailDomain = domain;
      }
    }

    /** The keys existing accounts are matched by. */
    public MatchProbe probe() {
      return new MatchProbe(
          CompanyNames.normalize(name), InternetDomains.organisational(InternetDomains.ofWebsite(website)), emailDomain, null, null);
    }
  }

  /** An account a user creates by hand, owned by {@code ownerId}, with every value it was given as a change. */
  public static Changed<Account> open(UUID id, Fields fields, String ownerId, Instant now) {
    Account account = new Account();
    account.id = Objects.requireNonNull(id, "id");
    account.createdAt = now;
    List<ChangedField> changes = new ArrayList<>(account.apply(fields));
    changes.addAll(account.reassign(ownerId));
    return new Changed<>(account, changes);
  }

  /** Takes what {@code fields} state, and answers what changed (match keys follow the values). */
  public List<ChangedField> apply(Fields fields) {
    List<ChangedField> changes =
        new ChangedField.Collector()
            .compare("name", name, fields.name())
            .compare("website", website, fields.website())
            .compare("industry", industry, fields.industry())
            .compare("numberOfEmployees", numberOfEmployees, fields.numberOfEmployees())
            .compare("annualRevenue", annualRevenue, fields.annualRevenue())
            .compare("country", country, fields.country())
            .compare("city", city, fields.city())
            .compare("phone", phone, fields.phone())
            .compare("emailDomain", emailDomain, fields.emailDomain())
            .changes();
    name = fields.name();
    normalizedName = CompanyNames.normalize(name);
    website = fields.website();
    websiteDomain = InternetDomains.organisational(InternetDomains.ofWebsite(website));
    industry = fields.industry();
    numberOfEmployees = fields.numberOfEmployees();
    annualRevenue = fields.annualRevenue();
    country = fields.country();
    city = fields.city();
    phone = fields.phone();
    emailDomain = fields.emailDomain();
    return changes;
  }

  /** Gives the account to another owner (a sales manager's decision), answering the change. */
  public List<ChangedField> reassign(String newOwnerId) {
    List<ChangedField> changes = new ChangedField.Collector().compare("ownerId", ownerId, newOwnerId).changes();
    ownerId = Objects.requireNonNull(newOwnerId, "ownerId");
    return changes;
  }

  /** The keys this account is matched by. */
  public MatchProbe probe() {
    return new MatchProbe(normalizedName, websiteDomain, emailDomain, null, null);
  }

  /** Whether the account is known under this internet domain (its website's or its email's). */
  public boolean hasDomain(String domain) {
    return domain != null && (domain.equals(websiteDomain) || domain.equals(emailDomain));
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String normalizedName() {
    return normalizedName;
  }

  public String website() {
    return website;
  }

  public String websiteDomain() {
    return websiteDomain;
  }

  public String industry() {
    return industry;
  }

  public Integer numberOfEmployees() {
    return numberOfEmployees;
  }

  public Money annualRevenue() {
    return annualRevenue;
  }

  public String country() {
    return country;
  }

  public String city() {
    return city;
  }

  public String phone() {
    return phone;
  }

  public String emailDomain() {
    return emailDomain;
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
