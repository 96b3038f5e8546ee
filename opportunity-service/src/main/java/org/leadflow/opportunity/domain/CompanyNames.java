package org.leadflow.opportunity.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The form of a company name that two spellings of one company share: "Analytical Engines Ltd.",
 * "ANALYTICAL ENGINES LIMITED" and "Analytical-Engines GmbH" are all {@code analytical engines}.
 * Lower-case, accents and punctuation removed, and trailing legal forms (Ltd, GmbH, Inc, LLC, SA,
 * BV, ...) dropped, as a seller would read the name.
 */
public final class CompanyNames {

  /** Legal forms, written without dots: "S.A." and "Co." are read as "sa" and "co". */
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "ltd", "limited", "plc", "llc", "llp", "lp", "inc", "incorporated", "corp", "corporation",
          "co", "company", "gmbh", "ag", "kg", "kgaa", "ohg", "ug", "ev", "mbh", "se", "sa", "sas", "sarl",
          "sasu", "srl", "spa", "sl", "slu", "bv", "nv", "vof", "oy", "oyj", "ab", "as", "asa", "aps",
          "pty", "pvt", "kk", "sro", "zoo", "sp");

  /** Words that join legal forms ("GmbH & Co. KG") and are dropped with them. */
  private static final Set<String> JOINERS = Set.of("and", "und", "et", "y");

  private CompanyNames() {}

  /** The normalised name; empty when the name has no letters or digits at all. */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String text =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace("&", " and ")
            .replace("+", " and ")
            .replace(".", "")
            .replace("'", "")
            .replaceAll("[^\\p{L}\\p{N}]+", " ")
            .strip();
    if (text.isEmpty()) {
      return "";
    }
    List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
    if (words.size() > 1 && words.get(0).equals("the")) {
      words.remove(0);
    }
    // Drop trailing legal forms, but never the whole name: "Company Ltd" stays "company".
    while (words.size() > 1) {
      String last = words.get(words.size() - 1);
      if (LEGAL_FORMS.contains(last) || (JOINERS.contains(last) && dropsJoiner(words))) {
        words.remove(words.size() - 1);
      } else {
        break;
      }
    }
    return String.join(" ", words);
  }

  /** A trailing joiner is only dropped when a legal form followed it ("GmbH & Co" → "GmbH"). */
  private static boolean dropsJoiner(List<String> words) {
    return words.size() > 2 && LEGAL_FORMS.contains(words.get(words.size() - 2));
  }
}
