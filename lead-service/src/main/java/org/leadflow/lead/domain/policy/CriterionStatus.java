package org.leadflow.lead.domain.policy;

/** Whether a lead meets a criterion, or whether nobody knows yet. */
public enum CriterionStatus {
  MET("met"),
  UNMET("unmet"),
  UNKNOWN("unknown");

  private final String apiName;

  CriterionStatus(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
