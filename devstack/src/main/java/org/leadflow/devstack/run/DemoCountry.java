package org.leadflow.devstack.run;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Where demo leads come from, weighted like the pipeline of a software vendor selling mostly in
 * North America and Europe. Cities are real business centres (datafaker's are often invented, e.g.
 * "Labadieborough"); the locale gives names, companies, titles and phone numbers that fit.
 */
enum DemoCountry {
  US("en-US", "USD", "1", 28, "New York, San Francisco, Chicago, Austin, Boston, Seattle, Denver"),
  GB("en-GB", "GBP", "0.79", 12, "London, Manchester, Birmingham, Edinburgh, Bristol, Leeds"),
  DE("de-DE", "EUR", "0.92", 10, "Berlin, Munich, Hamburg, Frankfurt am Main, Cologne, Stuttgart"),
  FR("fr-FR", "EUR", "0.92", 6, "Paris, Lyon, Toulouse, Marseille, Lille, Nantes, Bordeaux"),
  NL("nl-NL", "EUR", "0.92", 4, "Amsterdam, Rotterdam, Utrecht, Eindhoven, The Hague"),
  IN("en-IN", "INR", "83", 7, "Bengaluru, Mumbai, New Delhi, Hyderabad, Pune, Chennai"),
  AU("en-AU", "AUD", "1.5", 5, "Sydney, Melbourne, Brisbane, Perth, Adelaide"),
  CA("en-CA", "CAD", "1.36", 5, "Toronto, Vancouver, Montreal, Calgary, Ottawa"),
  ES("es-ES", "EUR", "0.92", 4, "Madrid, Barcelona, Valencia, Seville, Bilbao"),
  IT("it-IT", "EUR", "0.92", 4, "Milan, Rome, Turin, Bologna, Florence"),
  SE("sv-SE", "SEK", "10.5", 3, "Stockholm, Gothenburg, Malmö, Uppsala"),
  BR("pt-BR", "BRL", "5", 4, "São Paulo, Rio de Janeiro, Belo Horizonte, Curitiba, Porto Alegre"),
  JP("ja-JP", "JPY", "150", 3, "Tokyo, Osaka, Yokohama, Nagoya, Fukuoka"),
  SG("en-SG", "SGD", "1.34", 2, "Singapore"),
  IE("en-IE", "EUR", "0.92", 2, "Dublin, Cork, Galway"),
  CH("de-CH", "CHF", "0.88", 1, "Zurich, Geneva, Basel, Lausanne");

  private final Locale locale;
  private final String currency;
  private final BigDecimal unitsPerUsDollar;
  private final int weight;
  private final List<String> cities;

  DemoCountry(
      String languageTag, String currency, String unitsPerUsDollar, int weight, String cities) {
    this.locale = Locale.forLanguageTag(languageTag);
    this.currency = currency;
    this.unitsPerUsDollar = new BigDecimal(unitsPerUsDollar);
    this.weight = weight;
    this.cities = List.of(cities.split(", "));
  }

  /** The ISO 3166-1 alpha-2 code, as the lead's {@code country} field wants it. */
  String code() {
    return name();
  }

  Locale locale() {
    return locale;
  }

  /** ISO 4217 code of the money the country's companies report revenue in. */
  String currency() {
    return currency;
  }

  /** A rough exchange rate, enough for revenues of a plausible size in the local currency. */
  BigDecimal unitsPerUsDollar() {
    return unitsPerUsDollar;
  }

  int weight() {
    return weight;
  }

  List<String> cities() {
    return cities;
  }
}
