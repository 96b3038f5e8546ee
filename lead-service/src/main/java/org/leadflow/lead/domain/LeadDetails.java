package org.leadflow.lead.domain;

import java.util.Map;

/** What a seller or an import knows about a lead: everything but its identity, status and owner. */
public record LeadDetails(
    String firstName,
    String lastName,
    String companyName,
    String jobTitle,
    String email,
    String phone,
    String website,
    LeadSource source,
    String industry,
    Integer numberOfEmployees,
    Money annualRevenue,
    String country,
    String city,
    String description,
    Map<String, Object> attributes) {

  public LeadDetails {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    if (isBlank(lastName) && isBlank(companyName)) {
      throw new IllegalArgumentException("A lead needs a last name or a company name");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
