package org.leadflow.lead.domain.duplicates;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.leadflow.lead.domain.LeadDetails;

/**
 * What duplicate rules compare of a lead, normalised as the indexes hold it; each rule applies only
 * when the lead has what it compares.
 *
 * @param self the lead itself when it exists (an edit), never its own duplicate
 */
public record DuplicateProbe(UUID self, String email, String phone, String personName, String companyName, String emailDomain, String lastName) {

  /** The similarity both names must reach for {@link DuplicateRule#SIMILAR_NAME}, 0–1. */
  public static final double NAME_SIMILARITY = 0.6;

  public static DuplicateProbe of(UUID self, LeadDetails details, Set<String> freeMailDomains) {
    String email = lower(details.email());
    String domain = email == null || email.indexOf('@') < 0 ? null : email.substring(email.indexOf('@') + 1);
    String lastName = lower(details.lastName());
    String company = lower(details.companyName());
    String person = lastName == null || company == null ? null : (nullToEmpty(lower(details.firstName())) + " " + lastName);
    return new DuplicateProbe(
        self,
        email,
        details.phone(),
        person,
        company,
        domain == null || freeMailDomains.contains(domain) || lastName == null ? null : domain,
        lastName);
  }

  /** Whether {@code rule} can say anything about this lead. */
  public boolean applies(DuplicateRule rule) {
    return switch (rule) {
      case EMAIL -> email != null;
      case PHONE -> phone != null;
      case SIMILAR_NAME -> personName != null;
      case EMAIL_DOMAIN_AND_LAST_NAME -> emailDomain != null;
    };
  }

  private static String lower(String text) {
    return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
