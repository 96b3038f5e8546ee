package org.leadflow.lead.domain.duplicates;

import java.util.Arrays;
import java.util.Optional;

/** How two leads may be the same person. */
public enum DuplicateRule {
  /** The same email address, ignoring case. */
  EMAIL("email", "Same email address (ignoring case)"),
  /** The same phone number, in E.164 (as every phone is kept). */
  PHONE("phone", "Same phone number"),
  /**
   * A similar person's name at a similar company (PostgreSQL trigram similarity, both at least 0.6),
   * among the leads whose last name and company start with the same three characters.
   */
  SIMILAR_NAME("similar-name", "Similar first and last name at a similar company"),
  /** The same email domain and last name; free-mail domains (gmail.com, ...) do not count. */
  EMAIL_DOMAIN_AND_LAST_NAME("email-domain-and-last-name", "Same company email domain and last name");

  private final String key;
  private final String description;

  DuplicateRule(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The rule's name in the API. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public static Optional<DuplicateRule> fromKey(String key) {
    return Arrays.stream(values()).filter(rule -> rule.key.equals(key)).findFirst();
  }
}
