package org.leadflow.lead.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A potential customer who showed interest but is not yet a confirmed opportunity. */
@Entity
@Table(name = "lead")
public class Lead {

  @Id private UUID id;

  private String firstName;
  private String lastName;
  private String companyName;
  private String jobTitle;
  private String email;
  private String phone;
  private String website;

  @Enumerated(EnumType.STRING)
  private LeadSource source;

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
  private String ownerId;
  private String description;

  @JdbcTypeCode(SqlTypes.JSON)
  private Map<String, Object> attributes = new HashMap<>();

  @Enumerated(EnumType.STRING)
  private LeadState state;

  @Enumerated(EnumType.STRING)
  private StatusReason statusReason;

  private Instant createdAt;
  private Instant updatedAt;

  @Version private long version;

  protected Lead() {}

  /** A new lead starts Open/New. */
  public static Lead capture(LeadDetails details, String ownerId, Instant now) {
    Lead lead = new Lead();
    lead.id = TimeOrderedIds.next();
    lead.apply(details);
    lead.ownerId = ownerId;
    lead.state = LeadState.OPEN;
    lead.statusReason = StatusReason.NEW;
    lead.createdAt = now;
    lead.updatedAt = now;
    return lead;
  }

  private void apply(LeadDetails details) {
    firstName = details.firstName();
    lastName = details.lastName();
    companyName = details.companyName();
    jobTitle = details.jobTitle();
    email = details.email();
    phone = details.phone();
    website = details.website();
    source = details.source();
    industry = details.industry();
    numberOfEmployees = details.numberOfEmployees();
    annualRevenue = details.annualRevenue();
    country = details.country();
    city = details.city();
    description = details.description();
    attributes = new HashMap<>(details.attributes());
  }

  public LeadDetails details() {
    return new LeadDetails(
        firstName,
        lastName,
        companyName,
        jobTitle,
        email,
        phone,
        website,
        source,
        industry,
        numberOfEmployees,
        annualRevenue,
        country,
        city,
        description,
        attributes);
  }

  public UUID id() {
    return id;
  }

  public String ownerId() {
    return ownerId;
  }

  public LeadState state() {
    return state;
  }

  public StatusReason statusReason() {
    return statusReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
