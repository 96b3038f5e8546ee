package org.leadflow.lead.domain.enrichment;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Money;

/**
 * The built-in enrichers: what a lead's own fields say about it, and the provider's company data for
 * its domain. Pure: the same lead and lookup give the same facts.
 */
public final class Enrichers {

  /** Fact keys, as the API and {@code leadflow.lead.enriched.v1} name them. */
  public static final String EMAIL_DOMAIN = "emailDomain";
  public static final String WEBSITE_DOMAIN = "websiteDomain";
  public static final String FREE_MAIL_EMAIL = "freeMailEmail";
  public static final String DISPOSABLE_EMAIL = "disposableEmail";
  public static final String EMAIL_BOUNCED = "emailBounced";
  public static final String PHONE_COUNTRY = "phoneCountry";
  public static final String COUNTRY = "country";
  public static final String SENIORITY = "seniority";
  public static final String DEPARTMENT = "department";
  public static final String COMPANY_NAME = "companyName";
  public static final String INDUSTRY = "industry";
  public static final String NUMBER_OF_EMPLOYEES = "numberOfEmployees";
  public static final String ANNUAL_REVENUE = "annualRevenue";
  public static final String COMPANY_COUNTRY = "companyCountry";

  /** Sources. */
  public static final String EMAIL = "email";
  public static final String WEBSITE = "website";
  public static final String PHONE = "phone";
  public static final String JOB_TITLE = "jobTitle";
  public static final String ATTRIBUTE_COUNTRY = "attributes.country";
  public static final String ACTIVITY = "activity";
  public static final String PROVIDER = "provider";

  private final DomainLists domains;
  private final JobTitleRules titles;

  public Enrichers(DomainLists domains, JobTitleRules titles) {
    this.domains = domains;
    this.titles = titles;
  }

  /**
   * What the lead's fields and the company data say, each value with its source; {@code at} is the
   * time of each (the caller keeps the earlier time of a value found before).
   *
   * @param company the provider's data for the lead's website domain, or null
   */
  public Map<String, EnrichedValue> facts(LeadDetails lead, CompanyData company, Instant at) {
    Map<String, EnrichedValue> facts = new LinkedHashMap<>();
    Optional<String> emailDomain = emailDomain(lead.email());
    emailDomain.ifPresent(domain -> {
      facts.put(EMAIL_DOMAIN, new EnrichedValue(domain, EMAIL, at));
      facts.put(FREE_MAIL_EMAIL, new EnrichedValue(domains.isFreeMail(domain), EMAIL, at));
      facts.put(DISPOSABLE_EMAIL, new EnrichedValue(domains.isDisposable(domain), EMAIL, at));
    });
    websiteDomain(lead).ifPresent(found -> facts.put(WEBSITE_DOMAIN, found.withTime(at)));
    PhoneCountries.of(lead.phone()).ifPresent(code -> facts.put(PHONE_COUNTRY, new EnrichedValue(code, PHONE, at)));
    JobTitleRules.Reading title = titles.read(lead.jobTitle());
    if (title.seniority() != null) {
      facts.put(SENIORITY, new EnrichedValue(title.seniority(), JOB_TITLE, at));
    }
    if (title.department() != null) {
      facts.put(DEPARTMENT, new EnrichedValue(title.department(), JOB_TITLE, at));
    }
    if (company != null) {
      put(facts, COMPANY_NAME, company.name(), at);
      put(facts, INDUSTRY, company.industry(), at);
      put(facts, NUMBER_OF_EMPLOYEES, company.numberOfEmployees(), at);
      if (company.annualRevenue() != null) {
        Money revenue = company.annualRevenue();
        facts.put(ANNUAL_REVENUE, new EnrichedValue(Map.of("amount", revenue.decimalAmount(), "currency", revenue.currency()), PROVIDER, at));
      }
      put(facts, COMPANY_COUNTRY, company.country(), at);
    }
    country(lead, facts).ifPresent(found -> facts.put(COUNTRY, found.withTime(at)));
    return facts;
  }

  /**
   * The company domain to ask a provider about: the website's host, else the email's domain unless it
   * is free-mail or disposable (such an address says nothing of a company).
   */
  public Optional<String> companyDomain(LeadDetails lead) {
    return websiteDomain(lead).map(found -> (String) found.value());
  }

  private Optional<Found> websiteDomain(LeadDetails lead) {
    Optional<String> fromWebsite = host(lead.website());
    if (fromWebsite.isPresent()) {
      return Optional.of(new Found(fromWebsite.get(), WEBSITE));
    }
    return emailDomain(lead.email())
        .filter(domain -> !domains.isFreeMail(domain) && !domains.isDisposable(domain))
        .map(domain -> new Found(domain, EMAIL));
  }

  /** The lead's country as an attribute names it, else as its phone number says, else the company's. */
  private static Optional<Found> country(LeadDetails lead, Map<String, EnrichedValue> facts) {
    Optional<String> named =
        lead.attributes().entrySet().stream()
            .filter(entry -> entry.getKey().equalsIgnoreCase("country") && entry.getValue() instanceof String)
            .findFirst()
            .flatMap(entry -> CountryNames.code((String) entry.getValue()));
    if (named.isPresent()) {
      return Optional.of(new Found(named.get(), ATTRIBUTE_COUNTRY));
    }
    for (String key : new String[] {PHONE_COUNTRY, COMPANY_COUNTRY}) {
      EnrichedValue value = facts.get(key);
      if (value != null) {
        return Optional.of(new Found(value.value(), value.source()));
      }
    }
    return Optional.empty();
  }

  static Optional<String> emailDomain(String email) {
    if (email == null) {
      return Optional.empty();
    }
    int at = email.lastIndexOf('@');
    String domain = at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    return domain.contains(".") ? Optional.of(domain) : Optional.empty();
  }

  static Optional<String> host(String website) {
    if (website == null || website.isBlank()) {
      return Optional.empty();
    }
    try {
      String host = URI.create(website.strip()).getHost();
      if (host == null || !host.contains(".")) {
        return Optional.empty();
      }
      host = host.toLowerCase(Locale.ROOT);
      return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void put(Map<String, EnrichedValue> facts, String key, Object value, Instant at) {
    if (value != null && !(value instanceof String text && text.isBlank())) {
      facts.put(key, new EnrichedValue(value, PROVIDER, at));
    }
  }

  /** A value and its source, before it is dated. */
  private record Found(Object value, String source) {
    EnrichedValue withTime(Instant at) {
      return new EnrichedValue(value, source, at);
    }
  }
}
