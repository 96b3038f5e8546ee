package org.leadflow.lead.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which QualifyLead options go together, and what an option left out means (docs/architecture.md,
 * section Conversion): an account and a contact are created unless an existing one is named, and
 * only from what the lead has (a company; a last name); an opportunity is always created.
 */
public final class ConversionOptionsPolicy {

  private ConversionOptionsPolicy() {}

  /** The options {@code request} combines that cannot go together; empty when none. */
  public static List<OpportunityDraftPolicy.Violation> check(ConversionRequest request) {
    List<OpportunityDraftPolicy.Violation> violations = new ArrayList<>();
    if (Boolean.TRUE.equals(request.createAccount()) && request.existingAccountId() != null) {
      violations.add(new OpportunityDraftPolicy.Violation("createAccount", "cannot be true together with existingAccountId"));
    }
    if (Boolean.TRUE.equals(request.createContact()) && request.existingContactId() != null) {
      violations.add(new OpportunityDraftPolicy.Violation("createContact", "cannot be true together with existingContactId"));
    }
    // opportunity-events has no answer for a conversion without an opportunity (docs/architecture.md,
    // section Events, lists none), so such a conversion would stay pending for ever.
    if (Boolean.FALSE.equals(request.createOpportunity())) {
      violations.add(
          new OpportunityDraftPolicy.Violation("createOpportunity", "must be true: converting without an opportunity is not supported yet"));
    }
    return violations;
  }

  /** Whether the conversion creates an account: asked, or by default unless one is named; never without a company. */
  public static boolean createAccount(ConversionRequest request, LeadDetails lead) {
    return orDefault(request.createAccount(), request.existingAccountId() == null) && lead.companyName() != null;
  }

  /** Whether the conversion creates a contact: asked, or by default unless one is named; never without a last name. */
  public static boolean createContact(ConversionRequest request, LeadDetails lead) {
    return orDefault(request.createContact(), request.existingContactId() == null) && lead.lastName() != null;
  }

  public static boolean createOpportunity(ConversionRequest request) {
    return orDefault(request.createOpportunity(), true);
  }

  private static boolean orDefault(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }
}
