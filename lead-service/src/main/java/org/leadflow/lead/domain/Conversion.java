package org.leadflow.lead.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The lead's latest conversion: pending until opportunity-service answers, then completed with the
 * records it made (or reused), or failed with its reason. Embedded in {@link Lead} (columns {@code
 * conversion_*}); a lead that was never qualified has none.
 *
 * @param requestedBy who asked for it (qualified the lead, or retried its conversion)
 * @param request the qualify request as received, so that a failed conversion can be retried as it
 *     was asked, and a pending one published again
 */
@Embeddable
public record Conversion(
    @Column(name = "conversion_id") UUID id,
    @Enumerated(EnumType.STRING) @Column(name = "conversion_status") ConversionStatus status,
    @Column(name = "conversion_opportunity_id") UUID opportunityId,
    @Column(name = "conversion_account_id") UUID accountId,
    @Column(name = "conversion_contact_id") UUID contactId,
    @Column(name = "conversion_failure_reason") String failureReason,
    @Column(name = "conversion_failure_detail") String failureDetail,
    @Column(name = "conversion_requested_at") Instant requestedAt,
    @Column(name = "conversion_requested_by") String requestedBy,
    @Column(name = "conversion_resolved_at") Instant resolvedAt,
    // JSON text cast to and from jsonb in SQL, as the history's JSON columns are.
    @ColumnTransformer(read = "conversion_request::text", write = "cast(cast(? as text) as jsonb)")
        @Column(name = "conversion_request")
        String request) {

  private static final int MAX_FAILURE_REASON = 100;
  private static final int MAX_FAILURE_DETAIL = 2000;

  /** A conversion asked for now, pending. */
  static Conversion requested(ConversionPlan plan, String request, Actor actor, Instant now) {
    return new Conversion(
        plan.conversionId(),
        ConversionStatus.PENDING,
        plan.opportunityId(),
        plan.accountId(),
        plan.contactId(),
        null,
        null,
        now,
        actor.id(),
        null,
        request);
  }

  Conversion completed(UUID opportunity, UUID account, UUID contact, Instant now) {
    return new Conversion(
        id, ConversionStatus.COMPLETED, opportunity, account, contact, failureReason, failureDetail, requestedAt, requestedBy, now, request);
  }

  Conversion failed(String reason, String detail, Instant now) {
    // Cut to what the columns hold: an overlong answer must still fail the conversion, not leave it pending.
    return new Conversion(
        id,
        ConversionStatus.FAILED,
        opportunityId,
        accountId,
        contactId,
        clip(reason, MAX_FAILURE_REASON),
        clip(detail, MAX_FAILURE_DETAIL),
        requestedAt,
        requestedBy,
        now,
        request);
  }

  private static String clip(String text, int length) {
    if (text == null || text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 2)) ? length - 2 : length - 1;
    return text.substring(0, end) + "…";
  }
}
