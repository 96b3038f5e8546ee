package org.leadflow.opportunity.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is known about an organisation and a person, reduced to the keys existing accounts and
 * contacts are matched by. The one statement of the matching rules: a conversion and the matches
 * endpoint both ask here.
 *
 * <ul>
 *   <li>an account matches by its normalised company name ({@link CompanyNames}), or by its website
 *       or email domain when that is the domain of the given website or email address and not a
 *       free-mail domain ({@link InternetDomains});
 *   <li>a contact matches by its email address (ignoring case) or its phone number in E.164.
 * </ul>
 */
public record MatchProbe(
    String companyName, String websiteDomain, String emailDomain, String email, String phone) {

  /** Reduces what a lead or a request says to match keys; blank or unusable values are left out. */
  public static MatchProbe of(String companyName, String website, String email, String phone) {
    String name = CompanyNames.normalize(companyName);
    String normalizedEmail = normalizeEmail(email);
    return new MatchProbe(
        name.isEmpty() ? null : name,
        InternetDomains.organisational(InternetDomains.ofWebsite(website)),
        InternetDomains.organisational(InternetDomains.ofEmail(normalizedEmail)),
        normalizedEmail,
        PhoneNumbers.toE164(phone));
  }

  /** Email addresses are compared, and stored, lower-case. */
  public static String normalizeEmail(String email) {
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  /** The domains an account's website or email domain may equal. */
  public Set<String> domains() {
    Set<String> domains = new LinkedHashSet<>();
    if (websiteDomain != null) {
      domains.add(websiteDomain);
    }
    if (emailDomain != null) {
      domains.add(emailDomain);
    }
    return domains;
  }

  public boolean canMatchAccounts() {
    return companyName != null || !domains().isEmpty();
  }

  public boolean canMatchContacts() {
    return email != null || phone != null;
  }

  /** Why {@code account} is the organisation described here; empty when it is not. */
  public Set<AccountMatchedBy> matches(Account account) {
    Set<AccountMatchedBy> reasons = EnumSet.noneOf(AccountMatchedBy.class);
    if (companyName != null && companyName.equals(account.normalizedName())) {
      reasons.add(AccountMatchedBy.COMPANY_NAME);
    }
    if (emailDomain != null && account.hasDomain(emailDomain)) {
      reasons.add(AccountMatchedBy.EMAIL_DOMAIN);
    }
    if (websiteDomain != null && account.hasDomain(websiteDomain)) {
      reasons.add(AccountMatchedBy.WEBSITE_DOMAIN);
    }
    return reasons;
  }

  /** Why {@code contact} is the person described here; empty when they are not. */
  public Set<ContactMatchedBy> matches(Contact contact) {
    Set<ContactMatchedBy> reasons = EnumSet.noneOf(ContactMatchedBy.class);
    if (email != null && email.equals(contact.email())) {
      reasons.add(ContactMatchedBy.EMAIL);
    }
    if (phone != null && phone.equals(contact.phone())) {
      reasons.add(ContactMatchedBy.PHONE);
    }
    return reasons;
  }

  /**
   * Names for the keys of this probe, for serialising conversions that could create the same
   * account or contact (two leads of one new company converted at once must not both create it).
   * Sorted, so that every transaction takes them in one order.
   */
  public List<String> lockKeys(boolean accounts, boolean contacts) {
    Set<String> keys = new TreeSet<>();
    if (accounts) {
      if (companyName != null) {
        keys.add("account-name:" + companyName);
      }
      domains().forEach(domain -> keys.add("account-domain:" + domain));
    }
    if (contacts) {
      if (email != null) {
        keys.add("contact-email:" + email);
      }
      if (phone != null) {
        keys.add("contact-phone:" + phone);
      }
    }
    return new ArrayList<>(keys);
  }
}
