package org.leadflow.devstack.run;

import static java.util.Map.entry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import org.leadflow.devstack.run.CreateLeadRequest.Money;

/**
 * Realistic, reproducible demo leads: the same seed gives the same leads on every machine, so a
 * demo or a bug report can refer to "demo-lead-42".
 *
 * <p>Names, companies, job titles and phone numbers come from datafaker in the lead's country's
 * locale; everything else is drawn from weighted tables below that resemble a B2B software vendor's
 * inbound pipeline. Emails and websites use the reserved {@code .example} top-level domain, so that
 * no real address is ever used.
 */
final class DemoLeads {

  /** Fixed so that demo data is the same everywhere. */
  static final long SEED = 20_250_301L;

  /** The demo sellers, who own the demo leads in turn: {@code ./run.sh token seller alice} acts as one. */
  static final List<String> SELLERS = List.of("alice", "bob", "carol");

  private static final int E164_MAX_DIGITS = 15;

  /** The lead sources of the API, each drawn about as often as in a typical inbound pipeline. */
  private static final Weighted<String> SOURCE_MIX =
      Weighted.of(
          entry("Advertisement", 10),
          entry("Employee Referral", 6),
          entry("External Referral", 7),
          entry("Partner", 10),
          entry("Public Relations", 4),
          entry("Seminar", 8),
          entry("Trade Show", 10),
          entry("Web", 30),
          entry("Word of Mouth", 7),
          entry("Other", 8));

  static final List<String> SOURCES = SOURCE_MIX.options();

  private static final Weighted<DemoCountry> COUNTRY_MIX =
      Weighted.of(Arrays.asList(DemoCountry.values()), DemoCountry::weight);

  private static final Weighted<DemoLeadStatus> STATUS_MIX =
      Weighted.of(Arrays.asList(DemoLeadStatus.values()), DemoLeadStatus::weight);

  /** Salesforce's standard industry picklist, weighted towards buyers of business software. */
  private static final Weighted<String> INDUSTRY_MIX =
      Weighted.of(
          entry("Technology", 14),
          entry("Manufacturing", 10),
          entry("Finance", 8),
          entry("Healthcare", 7),
          entry("Retail", 7),
          entry("Consulting", 6),
          entry("Telecommunications", 4),
          entry("Education", 4),
          entry("Insurance", 4),
          entry("Banking", 4),
          entry("Transportation", 4),
          entry("Electronics", 3),
          entry("Engineering", 3),
          entry("Energy", 3),
          entry("Construction", 3),
          entry("Media", 3),
          entry("Hospitality", 3),
          entry("Food & Beverage", 3),
          entry("Biotechnology", 2),
          entry("Chemicals", 2),
          entry("Government", 2),
          entry("Not For Profit", 2),
          entry("Machinery", 2),
          entry("Utilities", 1),
          entry("Apparel", 1),
          entry("Agriculture", 1),
          entry("Shipping", 1),
          entry("Entertainment", 1),
          entry("Environmental", 1),
          entry("Other", 1));

  /** Companies of one to fifty thousand employees, most of them small or mid-sized. */
  private static final Weighted<EmployeeRange> EMPLOYEE_RANGES =
      Weighted.of(
          entry(new EmployeeRange(1, 10), 10),
          entry(new EmployeeRange(11, 50), 22),
          entry(new EmployeeRange(51, 200), 28),
          entry(new EmployeeRange(201, 1000), 22),
          entry(new EmployeeRange(1001, 5000), 12),
          entry(new EmployeeRange(5001, 50000), 6));

  private static final Map<String, List<String>> DESCRIPTIONS_BY_SOURCE =
      Map.of(
          "Advertisement",
          List.of(
              "Clicked a LinkedIn ad and asked for a call back.",
              "Came in through the search campaign; interested in pricing."),
          "Employee Referral",
          List.of(
              "Referred by a colleague in customer success.",
              "Former colleague of one of our engineers; evaluating tools this quarter."),
          "External Referral",
          List.of(
              "Referred by an existing customer who is happy with the rollout.",
              "Recommended by an industry analyst."),
          "Partner",
          List.of(
              "Introduced by our reseller partner; comparing three vendors.",
              "Implementation partner brought them in for a joint proposal."),
          "Public Relations",
          List.of(
              "Read the press release about our spring release and got in touch.",
              "Saw the interview with our CEO; wants to know more."),
          "Seminar",
          List.of(
              "Attended the webinar on pipeline automation; asked follow-up questions.",
              "Joined the breakfast seminar; wants a tailored demo."),
          "Trade Show",
          List.of(
              "Met at the booth; wants a demo in Q3.",
              "Stopped by our stand at the expo and asked for pricing."),
          "Web",
          List.of(
              "Filled in the contact form asking for a product demo.",
              "Downloaded the buyer's guide whitepaper.",
              "Started a free trial from the website."),
          "Word of Mouth",
          List.of(
              "Heard about us from a peer at another company.",
              "A friend recommended us; wants an introduction call."),
          "Other",
          List.of(
              "Called the main switchboard asking for information.",
              "Sent a message through our social media page."));

  private static final Map<String, List<String>> CAMPAIGNS_BY_SOURCE =
      Map.of(
          "Advertisement", words("linkedin-q2 search-brand retargeting-spring"),
          "Seminar", words("webinar-pipeline-automation breakfast-seminar"),
          "Trade Show", words("spring-expo saas-summit autumn-fair"),
          "Web", words("whitepaper-buyers-guide free-trial pricing-page"),
          "Public Relations", words("spring-release-press"));

  /**
   * datafaker's Japanese names and company names are in kanji, which gives no email address; these
   * are the romanised forms used in international business email.
   */
  private static final List<String> JAPANESE_GIVEN_NAMES =
      words(
          "Haruto Yuto Sota Ren Takumi Kenji Hiroshi Daiki Kaito Riku Shota Yuki Yui Aoi Sakura"
              + " Hina Yuna Mio Akiko Naoko Emi Haruka Misaki Ayaka");

  private static final List<String> JAPANESE_FAMILY_NAMES =
      words(
          "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida"
              + " Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori");

  private static final List<String> JAPANESE_BUSINESS_WORDS =
      words("Seiki Shoji Denki Systems Logistics Foods Pharma Trading");

  /** Words of company names that say nothing about the company, left out of its domain. */
  private static final Set<String> NOT_IN_DOMAIN =
      Set.copyOf(
          words(
              "and und et en y e och og the of sons inc llc ltd plc gmbh ag kg co corp group"
                  + " groupe sa s a spa srl sl bv nv ab kk sp k ltda me eireli pty pte cie sarl"
                  + " sas se hb aktiebolag handelsbolag kommanditbolag"));

  private final Random random;
  private final Map<DemoCountry, Faker> fakers = new EnumMap<>(DemoCountry.class);
  private final Set<String> emailsInUse = new HashSet<>();

  private DemoLeads(long seed) {
    this.random = new Random(seed);
  }

  /** Leads numbered 1 to {@code count}; the same seed always gives the same leads. */
  static List<DemoLead> generate(int count, long seed) {
    DemoLeads generator = new DemoLeads(seed);
    List<DemoLead> leads = new ArrayList<>(count);
    for (int number = 1; number <= count; number++) {
      leads.add(generator.next(number));
    }
    return leads;
  }

  private DemoLead next(int number) {
    DemoCountry country = COUNTRY_MIX.pick(random);
    Faker faker = fakers.computeIfAbsent(country, c -> new Faker(c.locale(), random));
    String source = SOURCE_MIX.pick(random);
    DemoLeadStatus status = STATUS_MIX.pick(random);

    // Most leads are a person at a company; some are people on their own (a trial sign-up with a
    // private address), some only a company (a general enquiry).
    double shape = random.nextDouble();
    boolean hasPerson = shape < 0.96;
    boolean hasCompany = shape < 0.90 || shape >= 0.96;

    String firstName = null;
    String lastName = null;
    if (hasPerson && country == DemoCountry.JP) {
      firstName = oneOf(JAPANESE_GIVEN_NAMES);
      lastName = oneOf(JAPANESE_FAMILY_NAMES);
    } else if (hasPerson) {
      firstName = faker.name().firstName();
      lastName = faker.name().lastName();
    }
    String companyName = hasCompany ? companyName(country, faker) : null;
    String domain = hasCompany ? domainOf(companyName, number) : "mail.example";
    Integer employees = hasCompany && chance(0.88) ? numberOfEmployees() : null;

    CreateLeadRequest request =
        new CreateLeadRequest(
            firstName,
            lastName,
            companyName,
            hasPerson && hasCompany && chance(0.92) ? faker.job().title() : null,
            uniqueEmail(localPart(firstName, lastName), domain),
            chance(0.92) ? phoneNumber(faker) : null,
            hasCompany ? "https://" + domain : null,
            source,
            hasCompany ? INDUSTRY_MIX.pick(random) : null,
            employees,
            employees != null && chance(0.75) ? annualRevenue(employees, country) : null,
            country.code(),
            chance(0.9) ? oneOf(country.cities()) : null,
            SELLERS.get((number - 1) % SELLERS.size()),
            chance(0.75) ? oneOf(DESCRIPTIONS_BY_SOURCE.get(source)) : null,
            chance(0.6) ? attributes(source, country) : null,
            qualification(status, country));
    return new DemoLead(number, request, status);
  }

  /**
   * What sellers found out, so that the default qualification policy finds leads in every readiness
   * state: full BANT for qualified leads; among contacted ones, some ready to qualify (every required
   * criterion met), some that fail one (no committed budget, or no real need), some with a partial
   * picture (required criteria unknown); nothing yet for the others.
   */
  private Map<String, Object> qualification(DemoLeadStatus status, DemoCountry country) {
    if (status == DemoLeadStatus.QUALIFIED) {
      return fullBant(country, chance(0.5) ? "Can Buy" : "Will Buy");
    }
    if (status != DemoLeadStatus.CONTACTED) {
      return null;
    }
    double picture = random.nextDouble();
    if (picture < 0.3) {
      return fullBant(country, chance(0.5) ? "May Buy" : "Can Buy");
    }
    if (picture < 0.45) {
      return Map.of(
          "budget", Map.of("status", "No Committed Budget"),
          "need", Map.of("level", "Should Have"));
    }
    if (picture < 0.55) {
      return Map.of("need", Map.of("level", "No Need", "note", "Happy with their current supplier."));
    }
    if (picture < 0.85) {
      return Map.of(
          "need", Map.of("level", chance(0.5) ? "Should Have" : "Good to Have"),
          "timeline", Map.of("purchaseTimeframe", chance(0.5) ? "This Year" : "Unknown"));
    }
    return null;
  }

  private Map<String, Object> fullBant(DemoCountry country, String budgetStatus) {
    BigDecimal budget =
        BigDecimal.valueOf(20_000L + random.nextInt(180_001))
            .multiply(country.unitsPerUsDollar())
            .setScale(Currency.getInstance(country.currency()).getDefaultFractionDigits(), java.math.RoundingMode.HALF_UP);
    Map<String, Object> qualification = new LinkedHashMap<>();
    qualification.put(
        "budget",
        Map.of(
            "amount", Map.of("amount", roundToSignificantDigits(budget, 2).toPlainString(), "currency", country.currency()),
            "status", budgetStatus));
    qualification.put("authority", Map.of("decisionMaker", chance(0.7), "purchaseProcess", chance(0.6) ? "Committee" : "Individual"));
    qualification.put("need", Map.of("level", chance(0.7) ? "Must Have" : "Should Have"));
    qualification.put("timeline", Map.of("purchaseTimeframe", chance(0.6) ? "This Quarter" : "Next Quarter"));
    qualification.put("fit", Map.of("note", "Matches the ideal customer profile."));
    return qualification;
  }

  private String companyName(DemoCountry country, Faker faker) {
    if (country == DemoCountry.JP) {
      return oneOf(JAPANESE_FAMILY_NAMES) + " " + oneOf(JAPANESE_BUSINESS_WORDS) + " Co., Ltd.";
    }
    return faker.company().name();
  }

  /**
   * "Analytical Engines Ltd" becomes "analytical-engines.example", "O'Connor-O'Dwyer"
   * "oconnor-odwyer.example".
   */
  static String domainOf(String companyName, int fallbackNumber) {
    String words =
        Arrays.stream(asciiLowerCase(companyName).replaceAll("['’]", "").split("[^a-z0-9]+"))
            .filter(word -> !word.isEmpty() && !NOT_IN_DOMAIN.contains(word))
            .limit(2)
            .collect(Collectors.joining("-"));
    return (words.isEmpty() ? "company-" + fallbackNumber : words) + ".example";
  }

  private String localPart(String firstName, String lastName) {
    if (lastName == null) {
      return oneOf(List.of("info", "sales", "contact", "office"));
    }
    String first = asciiLowerCase(firstName).replaceAll("[^a-z0-9]", "");
    String last = asciiLowerCase(lastName).replaceAll("[^a-z0-9]", "");
    if (first.isEmpty() || last.isEmpty()) {
      return first.isEmpty() && last.isEmpty() ? "contact" : first + last;
    }
    double style = random.nextDouble();
    if (style < 0.65) {
      return first + "." + last;
    }
    if (style < 0.80) {
      return first.charAt(0) + "." + last;
    }
    return style < 0.90 ? first + last : first;
  }

  /** Two leads never share an address: a second "info@" or namesake gets a number. */
  private String uniqueEmail(String localPart, String domain) {
    String email = localPart + "@" + domain;
    for (int suffix = 2; !emailsInUse.add(email); suffix++) {
      email = localPart + suffix + "@" + domain;
    }
    return email;
  }

  /**
   * datafaker draws numbers that libphonenumber considers valid for the locale's country; E.164 is
   * the same number without its formatting. libphonenumber also accepts German numbers of up to 17
   * digits, which E.164 (15 at most) does not, so those are drawn again.
   */
  private String phoneNumber(Faker faker) {
    while (true) {
      String formatted =
          chance(0.5)
              ? faker.phoneNumber().cellPhoneInternational()
              : faker.phoneNumber().phoneNumberInternational();
      String digits = formatted.replaceAll("[^0-9]", "");
      if (digits.length() <= E164_MAX_DIGITS) {
        return "+" + digits;
      }
    }
  }

  private int numberOfEmployees() {
    EmployeeRange range = EMPLOYEE_RANGES.pick(random);
    // Log-uniform inside the range: there are more companies of 1001 than of 5000 employees.
    double exact =
        range.smallest()
            * Math.pow((double) range.largest() / range.smallest(), random.nextDouble());
    int employees = (int) Math.round(exact);
    return employees < 100 ? employees : roundToSignificantDigits(employees, 2).intValue();
  }

  private Money annualRevenue(int employees, DemoCountry country) {
    int revenuePerEmployeeUsd = 60_000 + random.nextInt(290_001);
    BigDecimal local =
        BigDecimal.valueOf((long) employees * revenuePerEmployeeUsd)
            .multiply(country.unitsPerUsDollar());
    BigDecimal amount =
        roundToSignificantDigits(local, 3)
            .setScale(Currency.getInstance(country.currency()).getDefaultFractionDigits());
    return new Money(amount.toPlainString(), country.currency());
  }

  private Map<String, Object> attributes(String source, DemoCountry country) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    List<String> campaigns = CAMPAIGNS_BY_SOURCE.get(source);
    if (campaigns != null) {
      attributes.put("campaign", oneOf(campaigns));
    }
    attributes.put("newsletter", random.nextBoolean());
    if (chance(0.3)) {
      attributes.put("preferredLanguage", country.locale().getLanguage());
    }
    if (chance(0.2)) {
      attributes.put("websiteVisits", 1 + random.nextInt(40));
    }
    return attributes;
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T oneOf(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static BigDecimal roundToSignificantDigits(Number value, int digits) {
    return new BigDecimal(value.toString()).round(new MathContext(digits, RoundingMode.HALF_UP));
  }

  /** "Jürgen Weiß" becomes "jurgen weiss": email addresses and domains want plain ASCII. */
  private static String asciiLowerCase(String text) {
    String withoutAccents =
        Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return withoutAccents
        .replace("ß", "ss")
        .replace("ø", "o")
        .replace("Ø", "O")
        .replace("æ", "ae")
        .replace("Æ", "Ae")
        .replace("ł", "l")
        .replace("Ł", "L")
        .toLowerCase(Locale.ROOT);
  }

  private static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  private record EmployeeRange(int smallest, int largest) {}

  /** A table of options, each drawn with a probability proportional to its weight. */
  private record Weighted<T>(List<T> options, int[] cumulativeWeights) {

    @SafeVarargs
    static <T> Weighted<T> of(Map.Entry<T, Integer>... weightedOptions) {
      return new Weighted<>(
          Arrays.stream(weightedOptions).map(Map.Entry::getKey).toList(),
          cumulative(Arrays.stream(weightedOptions).mapToInt(Map.Entry::getValue).toArray()));
    }

    static <T> Weighted<T> of(List<T> options, ToIntFunction<T> weight) {
      return new Weighted<>(
          List.copyOf(options), cumulative(options.stream().mapToInt(weight).toArray()));
    }

    private static int[] cumulative(int[] weights) {
      int[] cumulative = weights.clone();
      Arrays.parallelPrefix(cumulative, Integer::sum);
      return cumulative;
    }

    T pick(Random random) {
      int ticket = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
      int i = 0;
      while (ticket >= cumulativeWeights[i]) {
        i++;
      }
      return options.get(i);
    }
  }
}
