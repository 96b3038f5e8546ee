package org.leadflow.lead.domain;

/** The name of a conversion's opportunity: the one asked for, else the company's, else the person's. */
public final class OpportunityNamePolicy {

  private OpportunityNamePolicy() {}

  /** @param asked the name asked for, or null (a blank one counts as none) */
  public static String nameFor(String asked, LeadDetails lead) {
    if (asked != null && !asked.isBlank()) {
      return asked.strip();
    }
    return lead.companyName() != null ? lead.companyName() : lead.fullName();
  }
}
