package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The answer given to a conversion that created nothing, kept so that a LeadQualified of the same
 * conversion arriving again under a new event id (re-published because the first answer never
 * reached lead-service) gets the same answer, whatever changed since.
 */
@Entity
@Table(name = "failed_conversion")
public class FailedConversion {

  /** What lead-service's column holds; longer details are cut. */
  static final int MAX_DETAIL = 2000;

  @Id private UUID conversionId;

  private UUID originatingLeadId;
  private UUID opportunityId;
  private String reason;
  private String detail;
  private Instant failedAt;

  protected FailedConversion() {}

  public static FailedConversion of(
      UUID leadId, UUID conversionId, UUID opportunityId, ConversionFailedException failure, Instant now) {
    FailedConversion failed = new FailedConversion();
    failed.conversionId = Objects.requireNonNull(conversionId, "conversionId");
    failed.originatingLeadId = Objects.requireNonNull(leadId, "leadId");
    failed.opportunityId = opportunityId;
    failed.reason = failure.reason().code();
    String detail = failure.detail();
    failed.detail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    failed.failedAt = now;
    return failed;
  }

  public UUID conversionId() {
    return conversionId;
  }

  public UUID originatingLeadId() {
    return originatingLeadId;
  }

  public UUID opportunityId() {
    return opportunityId;
  }

  /** A {@link ConversionFailure} code. */
  public String reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  public Instant failedAt() {
    return failedAt;
  }
}
