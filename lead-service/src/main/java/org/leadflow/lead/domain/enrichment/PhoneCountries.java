package org.leadflow.lead.domain.enrichment;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;

/** The country of a phone number in E.164, as its calling code and number plan say (libphonenumber). */
public final class PhoneCountries {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private PhoneCountries() {}

  /**
   * The ISO 3166-1 alpha-2 code of the country the number belongs to; empty when it is not a number
   * or its calling code is shared by several countries and the number says no more (+1 800 ...).
   */
  public static Optional<String> of(String e164) {
    if (e164 == null) {
      return Optional.empty();
    }
    try {
      String region = PHONES.getRegionCodeForNumber(PHONES.parse(e164, null));
      return region == null || "ZZ".equals(region) || "001".equals(region) ? Optional.empty() : Optional.of(region);
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
