package org.leadflow.opportunity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A record a conversion created although an existing record of another owner matched its lead:
 * the conversion may reuse only what the lead's owner may see, so it made a new record, and a
 * sales manager decides whether the two are one. Records users create or edit by hand are recorded
 * alike when only records they may not see match (then without lead and conversion).
 */
@Entity
@Table(name = "possible_duplicate")
public class PossibleDuplicate {

  /** What kind of record it is about. */
  public static final String ACCOUNT = "account";
  public static final String CONTACT = "contact";

  @Id private UUID id;

  private String recordType;
  private UUID recordId;
  private UUID existingRecordId;
  private String matchedBy;
  private String ownerId;
  private String existingOwnerId;
  private UUID originatingLeadId;
  private UUID conversionId;
  private Instant detectedAt;

  protected PossibleDuplicate() {}

  public static PossibleDuplicate ofAccount(Account created, Account existing, List<String> matchedBy, UUID conversionId, Instant now) {
    return of(ACCOUNT, created.id(), created.ownerId(), created.originatingLeadId(), existing.id(), existing.ownerId(), matchedBy, conversionId, now);
  }

  public static PossibleDuplicate ofContact(Contact created, Contact existing, List<String> matchedBy, UUID conversionId, Instant now) {
    return of(CONTACT, created.id(), created.ownerId(), created.originatingLeadId(), existing.id(), existing.ownerId(), matchedBy, conversionId, now);
  }

  private static PossibleDuplicate of(
      String recordType, UUID recordId, String ownerId, UUID leadId, UUID existingId, String existingOwnerId,
      List<String> matchedBy, UUID conversionId, Instant now) {
    PossibleDuplicate duplicate = new PossibleDuplicate();
    duplicate.id = UUID.randomUUID();
    duplicate.recordType = recordType;
    duplicate.recordId = Objects.requireNonNull(recordId, "recordId");
    duplicate.existingRecordId = Objects.requireNonNull(existingId, "existingRecordId");
    duplicate.matchedBy = String.join(",", matchedBy);
    duplicate.ownerId = ownerId;
    duplicate.existingOwnerId = existingOwnerId;
    duplicate.originatingLeadId = leadId;
    duplicate.conversionId = conversionId;
    duplicate.detectedAt = now;
    return duplicate;
  }

  public UUID id() {
    return id;
  }

  /** {@value #ACCOUNT} or {@value #CONTACT}. */
  public String recordType() {
    return recordType;
  }

  /** The record the conversion created. */
  public UUID recordId() {
    return recordId;
  }

  /** The existing record of another owner that it matched. */
  public UUID existingRecordId() {
    return existingRecordId;
  }

  /** The match keys they share ({@link AccountMatchedBy} or {@link ContactMatchedBy} codes). */
  public List<String> matchedBy() {
    return matchedBy.isEmpty() ? List.of() : Arrays.asList(matchedBy.split(","));
  }

  public String ownerId() {
    return ownerId;
  }

  public String existingOwnerId() {
    return existingOwnerId;
  }

  public UUID originatingLeadId() {
    return originatingLeadId;
  }

  public UUID conversionId() {
    return conversionId;
  }

  public Instant detectedAt() {
    return detectedAt;
  }
}
