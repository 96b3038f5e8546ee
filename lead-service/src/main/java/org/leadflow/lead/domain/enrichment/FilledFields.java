package org.leadflow.lead.domain.enrichment;

import java.util.Map;
import org.leadflow.lead.domain.LeadDetails;
import org.leadflow.lead.domain.Money;

/**
 * The lead fields enrichment may fill when empty (docs/enrichment.md): website, country, company
 * name, industry, number of employees and annual revenue. Everything else it finds stays a fact.
 */
final class FilledFields {

  static final String WEBSITE = "website";
  static final String COUNTRY = "country";
  static final String COMPANY_NAME = "companyName";
  static final String INDUSTRY = "industry";
  static final String NUMBER_OF_EMPLOYEES = "numberOfEmployees";
  static final String ANNUAL_REVENUE = "annualRevenue";

  private FilledFields() {}

  static Object get(LeadDetails lead, String field) {
    return switch (field) {
      case WEBSITE -> lead.website();
      case COUNTRY -> lead.country();
      case COMPANY_NAME -> lead.companyName();
      case INDUSTRY -> lead.industry();
      case NUMBER_OF_EMPLOYEES -> lead.numberOfEmployees();
      case ANNUAL_REVENUE -> lead.annualRevenue();
      default -> throw new IllegalArgumentException("Enrichment does not fill " + field);
    };
  }

  /** A field's value as {@code filled} keeps it, to tell later whether a person changed it; null for none. */
  static String canonical(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Money money) {
      return money.amount().stripTrailingZeros().toPlainString() + " " + money.currency();
    }
    return value.toString();
  }

  /** {@code lead} with {@code fills} (field → value) in place of its values. */
  static LeadDetails with(LeadDetails lead, Map<String, Object> fills) {
    return new LeadDetails(
        lead.firstName(),
        lead.lastName(),
        (String) fills.getOrDefault(COMPANY_NAME, lead.companyName()),
        lead.jobTitle(),
        lead.email(),
        lead.phone(),
        (String) fills.getOrDefault(WEBSITE, lead.website()),
        lead.source(),
        (String) fills.getOrDefault(INDUSTRY, lead.industry()),
        fills.containsKey(NUMBER_OF_EMPLOYEES) ? Integer.valueOf(((Number) fills.get(NUMBER_OF_EMPLOYEES)).intValue()) : lead.numberOfEmployees(),
        (Money) fills.getOrDefault(ANNUAL_REVENUE, lead.annualRevenue()),
        (String) fills.getOrDefault(COUNTRY, lead.country()),
        lead.city(),
        lead.description(),
        lead.attributes());
  }
}
