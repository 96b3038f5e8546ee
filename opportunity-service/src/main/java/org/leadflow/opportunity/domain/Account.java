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
