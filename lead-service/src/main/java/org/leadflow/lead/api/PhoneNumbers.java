package org.leadflow.lead.api;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.leadflow.lead.config.LeadsConfig;

/** Reads phone numbers as people write them and stores them as E.164 (libphonenumber). */
@ApplicationScoped
public class PhoneNumbers {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  @Inject LeadsConfig config;

  /**
   * The number in E.164, or empty when it is not a valid number.
   *
   * @param country the lead's country, the region of a number written without a leading +
   */
  public Optional<String> toE164(String written, String country) {
    String region = country != null ? country : config.defaultPhoneRegion();
    try {
      PhoneNumber number = PHONES.parse(written, region);
      // "Possible" (a full number of the right length for the country, not a local-only one)
      // rather than "valid" (a currently assigned range): a seller must never be blocked by library
      // metadata lagging behind a numbering plan.
      return PHONES.isPossibleNumberWithReason(number) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
          ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
