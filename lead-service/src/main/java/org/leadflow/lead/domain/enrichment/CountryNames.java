package org.leadflow.lead.domain.enrichment;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a country as people and other systems write it ("Germany", "Deutschland", "UK", "U.S.A.",
 * "DEU", "de") as its ISO 3166-1 alpha-2 code. Known names: every region's name in English, German,
 * French, Spanish, Italian, Dutch and Portuguese (the JDK's), its alpha-2 and alpha-3 codes, and the
 * common short forms below. Case, accents, dots and a leading "the" do not matter.
 */
public final class CountryNames {

  private static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN, new Locale("es"), new Locale("nl"), new Locale("pt"));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"), Map.entry("england", "GB"),
          Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"), Map.entry("grossbritannien", "GB"),
          Map.entry("usa", "US"), Map.entry("us", "US"), Map.entry("united states of america", "US"), Map.entry("america", "US"),
          Map.entry("holland", "NL"), Map.entry("the netherlands", "NL"), Map.entry("russia", "RU"), Map.entry("south korea", "KR"),
          Map.entry("korea", "KR"), Map.entry("north korea", "KP"), Map.entry("czech republic", "CZ"), Map.entry("czechia", "CZ"),
          Map.entry("uae", "AE"), Map.entry("ivory coast", "CI"), Map.entry("vietnam", "VN"), Map.entry("iran", "IR"),
          Map.entry("syria", "SY"), Map.entry("bolivia", "BO"), Map.entry("venezuela", "VE"), Map.entry("tanzania", "TZ"),
          Map.entry("laos", "LA"), Map.entry("moldova", "MD"), Map.entry("macedonia", "MK"), Map.entry("turkey", "TR"),
          Map.entry("turkiye", "TR"), Map.entry("taiwan", "TW"), Map.entry("hong kong", "HK"), Map.entry("macau", "MO"),
          Map.entry("palestine", "PS"), Map.entry("vatican", "VA"), Map.entry("brunei", "BN"), Map.entry("cape verde", "CV"),
          Map.entry("swaziland", "SZ"), Map.entry("burma", "MM"), Map.entry("east timor", "TL"), Map.entry("kosovo", "XK"));

  private static final Map<String, String> CODES = known();

  private CountryNames() {}

  /** The ISO 3166-1 alpha-2 code of {@code written}, or empty when it names no country LeadFlow knows. */
  public static Optional<String> code(String written) {
    if (written == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(CODES.get(normalised(written)));
  }

  private static Map<String, String> known() {
    Map<String, String> codes = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale region = new Locale("", code);
      codes.put(normalised(code), code);
      codes.put(normalised(region.getISO3Country()), code);
      for (Locale language : LANGUAGES) {
        codes.putIfAbsent(normalised(region.getDisplayCountry(language)), code);
      }
    }
    ALIASES.forEach((alias, code) -> codes.put(normalised(alias), code));
    return Map.copyOf(codes);
  }

  static String normalised(String written) {
    String plain = Normalizer.normalize(written, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    plain = plain.replace("ß", "ss").replace(".", "").replaceAll("[^a-z0-9]+", " ").strip();
    return plain.startsWith("the ") ? plain.substring(4) : plain;
  }
}
