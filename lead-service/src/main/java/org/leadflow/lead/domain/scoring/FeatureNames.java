package org.leadflow.lead.domain.scoring;

import java.util.Locale;
import java.util.Map;

/** A feature's name in plain words: "attributes.totalTimeSpentOnWebsite" → "Total time spent on website". */
public final class FeatureNames {

  private static final Map<String, String> STANDARD =
      Map.ofEntries(
          Map.entry("source", "Lead source"),
          Map.entry("industry", "Industry"),
          Map.entry("country", "Country"),
          Map.entry("city", "City"),
          Map.entry("jobTitle", "Job title"),
          Map.entry("numberOfEmployees", "Number of employees"),
          Map.entry("annualRevenue", "Annual revenue"),
          Map.entry("contact.email", "Email address given"),
          Map.entry("contact.phone", "Phone number given"),
          Map.entry("contact.website", "Website given"),
          Map.entry("qualification.budgetAmount", "Budget"),
          Map.entry("qualification.budgetStatus", "Budget status"),
          Map.entry("qualification.decisionMaker", "Talking to the decision maker"),
          Map.entry("qualification.purchaseProcess", "Purchase process"),
          Map.entry("qualification.need", "Need"),
          Map.entry("qualification.purchaseTimeframe", "Purchase timeframe"),
          Map.entry("readiness.score", "Readiness by the qualification policy"),
          Map.entry("readiness.fit", "Fit with the ideal customer profile"),
          Map.entry("readiness.requiredMet", "Every required criterion met"),
          Map.entry("engagement.activities", "Activities logged"),
          Map.entry("engagement.hoursToFirstContact", "Hours from capture to first contact"),
          Map.entry("engagement.daysSinceLastActivity", "Days since the last activity"),
          Map.entry("engagement.daysActive", "Days from capture to the last activity"));

  private FeatureNames() {}

  public static String of(String feature) {
    String known = STANDARD.get(feature);
    if (known != null) {
      return known;
    }
    if (feature.startsWith("attributes.")) {
      return sentence(feature.substring("attributes.".length()));
    }
    if (feature.startsWith("activities.")) {
      String[] parts = feature.split("\\.");
      String type = parts.length > 1 ? words(parts[1]) : "activity";
      String outcome = parts.length > 2 ? words(parts[2]) : "any";
      return capitalised(type) + "s, outcome " + outcome;
    }
    return sentence(feature);
  }

  /** camelCase or snake_case as a sentence: "whatIsYourCurrentOccupation" → "What is your current occupation". */
  private static String sentence(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2").replace('_', ' ').replace('-', ' ').strip();
    return capitalised(spaced.toLowerCase(Locale.ROOT).replaceAll("\\bdm\\b", "DM"));
  }

  private static String words(String constant) {
    return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
