package org.leadflow.lead.domain.enrichment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.leadflow.lead.domain.LeadDetails;

/**
 * What enrichment found out about one lead (docs/enrichment.md): every fact with its source and time,
 * the lead fields it filled, and where the company data lookup stands. The flags scoring and the
 * agent read are columns of their own.
 *
 * <p>A value a person entered is never overwritten: enrichment fills an empty lead field only, keeps
 * the value it wrote in {@code filled}, and may change that field again only while the lead still
 * holds exactly that value. Once a person changed (or cleared) such a field it is theirs ({@code
 * personOwned}) and enrichment leaves it for good.
 */
@Entity
@Table(name = "lead_enrichment")
public class LeadEnrichment {

  @Id private UUID leadId;
  private String emailDomain;
  private String companyDomain;
  private Boolean freeMailEmail;
  private Boolean disposableEmail;
  private boolean emailBounced;
  private String bouncedEmail;
  private String phoneCountry;
  private String seniority;
  private String department;
  @JdbcTypeCode(SqlTypes.JSON) private Map<String, Object> facts;
  @JdbcTypeCode(SqlTypes.JSON) private Map<String, Object> filled;
  @JdbcTypeCode(SqlTypes.JSON) private Map<String, Object> personOwned;
  @Enumerated(EnumType.STRING) private ProviderStatus providerStatus;
  private String providerDomain;
  private int providerAttempts;
  private String providerLastError;
  private Instant providerCheckedAt;
  private Instant providerNextAttemptAt;
  private Instant enrichedAt;
  @Version private long version;

  protected LeadEnrichment() {}

  public static LeadEnrichment of(UUID leadId, Instant now) {
    LeadEnrichment enrichment = new LeadEnrichment();
    enrichment.leadId = leadId;
    enrichment.facts = new LinkedHashMap<>();
    enrichment.filled = new LinkedHashMap<>();
    enrichment.personOwned = new LinkedHashMap<>();
    enrichment.providerStatus = ProviderStatus.NOT_CONFIGURED;
    enrichment.enrichedAt = now;
    return enrichment;
  }

  /** What enriching changed: the lead's new details when it filled a field (else null), and whether any fact changed. */
  public record Result(LeadDetails details, boolean factsChanged) {}

  /**
   * Takes what the enrichers found now ({@code found}) as the lead's facts, keeping the time of a
   * value found before, and fills the empty fields of the lead a person never set.
   *
   * @param fillable whether the lead's fields may be filled (only an Open lead's are edited)
   */
  public Result enrich(LeadDetails lead, Map<String, EnrichedValue> found, boolean fillable, Instant now) {
    Map<String, EnrichedValue> before = facts();
    Map<String, EnrichedValue> after = new LinkedHashMap<>();
    found.forEach((key, value) -> after.put(key, value.says(before.get(key)) ? before.get(key) : value));
    if (emailBounced && Objects.equals(bouncedEmail, lead.email())) {
      EnrichedValue bounced = before.get(Enrichers.EMAIL_BOUNCED);
      after.put(Enrichers.EMAIL_BOUNCED, bounced != null ? bounced : new EnrichedValue(true, Enrichers.ACTIVITY, now));
    } else {
      emailBounced = false;
      bouncedEmail = null;
    }
    boolean factsChanged = !EnrichedValues.sameValues(before, after);
    keep(after, now, factsChanged);
    return new Result(fillable ? fill(lead, after, now) : null, factsChanged);
  }

  /** An email to the lead's current address bounced (an activity logged with outcome Bounced). */
  public boolean bounced(String email, Instant now) {
    if (email == null || (emailBounced && email.equals(bouncedEmail))) {
      return false;
    }
    emailBounced = true;
    bouncedEmail = email;
    Map<String, EnrichedValue> after = new LinkedHashMap<>(facts());
    after.put(Enrichers.EMAIL_BOUNCED, new EnrichedValue(true, Enrichers.ACTIVITY, now));
    keep(after, now, true);
    return true;
  }

  private void keep(Map<String, EnrichedValue> after, Instant now, boolean changed) {
    facts = EnrichedValues.write(after);
    emailDomain = text(after.get(Enrichers.EMAIL_DOMAIN));
    companyDomain = text(after.get(Enrichers.WEBSITE_DOMAIN));
    freeMailEmail = flag(after.get(Enrichers.FREE_MAIL_EMAIL));
    disposableEmail = flag(after.get(Enrichers.DISPOSABLE_EMAIL));
    phoneCountry = text(after.get(Enrichers.PHONE_COUNTRY));
    seniority = text(after.get(Enrichers.SENIORITY));
    department = text(after.get(Enrichers.DEPARTMENT));
    if (changed) {
      enrichedAt = now;
    }
  }

  /** The lead with its empty fields filled from the facts; null when nothing is filled. */
  private LeadDetails fill(LeadDetails lead, Map<String, EnrichedValue> after, Instant now) {
    filled = new LinkedHashMap<>(filled);
    personOwned = new LinkedHashMap<>(personOwned);
    Map<String, Object> proposed = new LinkedHashMap<>();
    EnrichedValue website = after.get(Enrichers.WEBSITE_DOMAIN);
    if (website != null && Enrichers.EMAIL.equals(website.source())) {
      proposed.put(FilledFields.WEBSITE, "https://" + website.value());
    }
    proposed.put(FilledFields.COUNTRY, value(after.get(Enrichers.COUNTRY)));
    proposed.put(FilledFields.COMPANY_NAME, value(after.get(Enrichers.COMPANY_NAME)));
    proposed.put(FilledFields.INDUSTRY, value(after.get(Enrichers.INDUSTRY)));
    proposed.put(FilledFields.NUMBER_OF_EMPLOYEES, value(after.get(Enrichers.NUMBER_OF_EMPLOYEES)));
    proposed.put(FilledFields.ANNUAL_REVENUE, EnrichedValues.money(after.get(Enrichers.ANNUAL_REVENUE)));
    Map<String, Object> fills = new LinkedHashMap<>();
    proposed.forEach((field, value) -> {
      if (value == null || personOwned.containsKey(field)) {
        return;
      }
      String current = FilledFields.canonical(FilledFields.get(lead, field));
      Object wrote = filled.get(field);
      if (wrote != null && !wrote.equals(current)) {
        // A person changed what enrichment wrote: theirs from now on.
        personOwned.put(field, now.toString());
        filled.remove(field);
      } else if ((wrote != null || current == null) && !FilledFields.canonical(value).equals(current)) {
        fills.put(field, value);
      }
    });
    if (fills.isEmpty()) {
      return null;
    }
    fills.forEach((field, value) -> filled.put(field, FilledFields.canonical(value)));
    return FilledFields.with(lead, fills);
  }

  /** The provider is not configured: only the built-in enrichers ran. */
  public void providerNotConfigured() {
    providerStatus = ProviderStatus.NOT_CONFIGURED;
    providerNextAttemptAt = null;
  }

  /** The lead has no company domain to ask about. */
  public void noCompanyDomain() {
    providerStatus = ProviderStatus.NO_DOMAIN;
    providerDomain = null;
    providerNextAttemptAt = null;
    providerLastError = null;
  }

  /**
   * Whether the provider should be asked about {@code domain}: not when it answered about that domain
   * already (found or not found), nor while a failed lookup waits for its next try (unless {@code due}:
   * the retry schedule claimed it).
   */
  public boolean needsLookup(String domain, Instant now, boolean due) {
    if (!domain.equals(providerDomain)) {
      return true;
    }
    return switch (providerStatus) {
      case FOUND, NOT_FOUND -> false;
      case FAILED -> due || (providerNextAttemptAt != null && !providerNextAttemptAt.isAfter(now));
      default -> true;
    };
  }

  /**
   * Records a lookup. A failure is tried again after {@code backoff} doubled per earlier failure (at
   * most {@code maxBackoff}), until {@code maxAttempts} tries failed.
   */
  public void looked(ProviderLookup lookup, Duration backoff, Duration maxBackoff, int maxAttempts) {
    boolean sameDomain = lookup.domain().equals(providerDomain);
    providerDomain = lookup.domain();
    providerCheckedAt = lookup.at();
    if (lookup instanceof ProviderLookup.Found) {
      settled(ProviderStatus.FOUND);
    } else if (lookup instanceof ProviderLookup.NotFound) {
      settled(ProviderStatus.NOT_FOUND);
    } else if (lookup instanceof ProviderLookup.Failed failed) {
      providerStatus = ProviderStatus.FAILED;
      providerAttempts = sameDomain ? providerAttempts + 1 : 1;
      providerLastError = failed.reason().length() > 500 ? failed.reason().substring(0, 499) + "…" : failed.reason();
      Duration wait = backoff.multipliedBy(1L << Math.min(providerAttempts - 1, 20));
      providerNextAttemptAt = providerAttempts >= maxAttempts ? null : lookup.at().plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }
  }

  private void settled(ProviderStatus status) {
    providerStatus = status;
    providerAttempts = 0;
    providerLastError = null;
    providerNextAttemptAt = null;
  }

  /** Asks for the company data again at {@code at} (a re-run), whatever the provider answered before. */
  public void lookUpAgain(Instant at) {
    providerStatus = ProviderStatus.PENDING;
    providerDomain = null;
    providerAttempts = 0;
    providerNextAttemptAt = at;
  }

  /** The company data the provider gave for {@code domain}, as kept in the facts; null when none. */
  public CompanyData company(String domain) {
    if (providerStatus != ProviderStatus.FOUND || !Objects.equals(domain, providerDomain)) {
      return null;
    }
    return EnrichedValues.company(facts());
  }

  /** Every fact with its source and time, by key ({@link Enrichers}). */
  public Map<String, EnrichedValue> facts() {
    return EnrichedValues.read(facts);
  }

  /** The lead fields enrichment filled, with the value it wrote (as text). */
  public Map<String, Object> filled() {
    return Map.copyOf(filled);
  }

  /** The fields a person changed after enrichment filled them: never filled again. */
  public List<String> personOwned() {
    return List.copyOf(personOwned.keySet());
  }

  private static Object value(EnrichedValue value) {
    return value == null ? null : value.value();
  }

  private static String text(EnrichedValue value) {
    return value == null ? null : value.value().toString();
  }

  private static Boolean flag(EnrichedValue value) {
    return value == null ? null : (Boolean) value.value();
  }

  public UUID leadId() {
    return leadId;
  }

  public boolean emailBounced() {
    return emailBounced;
  }

  public ProviderStatus providerStatus() {
    return providerStatus;
  }

  public String providerDomain() {
    return providerDomain;
  }

  public int providerAttempts() {
    return providerAttempts;
  }

  public String providerLastError() {
    return providerLastError;
  }

  public Instant providerCheckedAt() {
    return providerCheckedAt;
  }

  public Instant providerNextAttemptAt() {
    return providerNextAttemptAt;
  }

  public Instant enrichedAt() {
    return enrichedAt;
  }

  public long version() {
    return version;
  }
}
