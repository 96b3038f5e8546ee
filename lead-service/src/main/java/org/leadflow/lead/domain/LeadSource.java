package org.leadflow.lead.domain;

/** Where a lead came from (Dynamics 365's lead source values). */
public enum LeadSource {
  ADVERTISEMENT("Advertisement"),
  EMPLOYEE_REFERRAL("Employee Referral"),
  EXTERNAL_REFERRAL("External Referral"),
  PARTNER("Partner"),
  PUBLIC_RELATIONS("Public Relations"),
  SEMINAR("Seminar"),
  TRADE_SHOW("Trade Show"),
  WEB("Web"),
  WORD_OF_MOUTH("Word of Mouth"),
  OTHER("Other");

  private final String label;

  LeadSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static LeadSource fromLabel(String label) {
    return Labels.find(values(), label, LeadSource::label);
  }
}
