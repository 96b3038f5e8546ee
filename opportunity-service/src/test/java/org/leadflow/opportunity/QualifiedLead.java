package org.leadflow.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.leadflow.contracts.Money;
import org.leadflow.contracts.lead.LeadQualified;

/**
 * A {@link LeadQualified} as lead-service would publish it, with fresh ids and a lead whose company,
 * email domain and phone no other test uses; each setter changes one thing a test is about.
 */
public final class QualifiedLead {

  public UUID leadId = UUID.randomUUID();
  public UUID conversionId = UUID.randomUUID();
  public UUID accountId = UUID.randomUUID();
  public UUID contactId = UUID.randomUUID();
  public UUID opportunityId = UUID.randomUUID();
  public String ownerId = "seller-" + marker();
  public Instant qualifiedAt = Instant.parse("2026-05-04T09:15:00Z");

  public String firstName = "Ada";
  public String lastName;
  public String companyName;
  public String jobTitle = "CTO";
  public String email;
  public String phone = randomPhone();
  public String website;
  public String industry = "Manufacturing";
  public Integer numberOfEmployees = 250;
  public Money annualRevenue = new Money("12500000.00", "GBP");
  public String country = "GB";
  public String city = "London";
  public Money budget = new Money("40000.00", "GBP");

  public boolean createAccount = true;
  public boolean createContact = true;
  public boolean createOpportunity = true;
  public UUID existingAccountId;
  public UUID existingContactId;

  public String opportunityName;
  public Money estimatedValue;
  public LocalDate estimatedCloseDate = LocalDate.of(2026, 9, 30);
  public List<LeadQualified.Line> lines = new ArrayList<>();

  /** The text that makes this lead's names and domains its own. */
  public final String marker;

  public QualifiedLead() {
    this(marker());
  }

  public QualifiedLead(String marker) {
    this.marker = marker;
    this.lastName = "Lovelace " + marker;
    this.companyName = "Engines " + marker + " Ltd";
    this.email = "ada@" + marker + ".example";
    this.website = "https://www." + marker + ".example";
  }

  /** A text no other test uses, to tell this test's records from everything else in the database. */
  public static String marker() {
    return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A possible London number no other test is likely to use. */
  public static String randomPhone() {
    return "+4420" + (70_000_000 + ThreadLocalRandom.current().nextInt(29_999_999));
  }

  public QualifiedLead line(String product, String quantity, String amount, String currency) {
    lines.add(new LeadQualified.Line(product, quantity, new Money(amount, currency)));
    return this;
  }

  public LeadQualified event() {
    return new LeadQualified(
        leadId,
        conversionId,
        qualifiedAt,
        "seller",
        ownerId,
        new LeadQualified.LeadSnapshot(
            firstName, lastName, companyName, jobTitle, email, phone, website, "Trade Show", industry,
            numberOfEmployees, annualRevenue, country, city, budget, "This Quarter"),
        new LeadQualified.Options(createAccount, createContact, createOpportunity, existingAccountId, existingContactId),
        accountId,
        contactId,
        opportunityId,
        new LeadQualified.OpportunityDraft(opportunityName, estimatedValue, estimatedCloseDate, List.copyOf(lines)),
        null);
  }
}
