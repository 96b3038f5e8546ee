package org.leadflow.opportunity.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers in E.164, the form lead-service stores them in and contacts are matched by.
 * Only international numbers (with a leading {@code +}) are understood: without a country there is
 * no telling which "020 7946 0123" is meant.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The number in E.164, or null when it is not a possible international number. */
  public static String toE164(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    try {
      PhoneNumber number = PHONES.parse(written.strip(), "ZZ");
      // "Possible" rather than "valid", as lead-service does: metadata lagging a numbering plan
      // must not hide a match.
      return PHONES.isPossibleNumber(number)
          ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
          : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
