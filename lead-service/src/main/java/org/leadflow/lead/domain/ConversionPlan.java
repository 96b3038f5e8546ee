package org.leadflow.lead.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How a qualified lead is to be converted, as Dynamics' QualifyLead puts it, with the ids lead-service
 * chose for the records to create (docs/architecture.md, section Conversion).
 *
 * @param accountId the account to create, or the existing one to use, or null for none
 * @param contactId likewise for the contact
 * @param opportunityId the opportunity to create, or null when none is
 */
public record ConversionPlan(
    UUID conversionId,
    boolean createAccount,
    boolean createContact,
    boolean createOpportunity,
    UUID existingAccountId,
    UUID existingContactId,
    UUID accountId,
    UUID contactId,
    UUID opportunityId,
    OpportunityDraft opportunity) {

  /** What the opportunity should look like; every part is optional. */
  public record OpportunityDraft(
      String name, Money estimatedValue, LocalDate estimatedCloseDate, List<Line> lines) {

    public OpportunityDraft {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }
  }

  /** A product line: quantity × unit price. */
  public record Line(String productName, BigDecimal quantity, Money unitPrice) {}

  /** A plan with fresh ids for what is to be created. */
  public static ConversionPlan of(
      boolean createAccount,
      boolean createContact,
      boolean createOpportunity,
      UUID existingAccountId,
      UUID existingContactId,
      OpportunityDraft opportunity) {
    return new ConversionPlan(
        TimeOrderedIds.next(),
        createAccount,
        createContact,
        createOpportunity,
        existingAccountId,
        existingContactId,
        createAccount ? TimeOrderedIds.next() : existingAccountId,
        createContact ? TimeOrderedIds.next() : existingContactId,
        createOpportunity ? TimeOrderedIds.next() : null,
        opportunity);
  }

  /**
   * The plan for {@code lead} of the conversion {@code request} asks for, by the conversion's
   * policies ({@link ConversionOptionsPolicy}, {@link OpportunityNamePolicy}, {@link
   * EstimatedValuePolicy}), with fresh ids for the records to create.
   */
  public static ConversionPlan forLead(ConversionRequest request, Lead lead) {
    LeadDetails details = lead.details();
    ConversionRequest.Opportunity asked = request.opportunity();
    return of(
        ConversionOptionsPolicy.createAccount(request, details),
        ConversionOptionsPolicy.createContact(request, details),
        ConversionOptionsPolicy.createOpportunity(request),
        request.existingAccountId(),
        request.existingContactId(),
        new OpportunityDraft(
            OpportunityNamePolicy.nameFor(asked == null ? null : asked.name(), details),
            EstimatedValuePolicy.valueOf(asked, lead.qualification().budget().amount()),
            asked == null ? null : asked.estimatedCloseDate(),
            asked == null ? List.of() : asked.lines()));
  }

  /**
   * The plan of the lead's current conversion, as it was published: the request it was asked with,
   * planned again for the lead (which cannot have changed since: Qualified is final), with the
   * conversion's own ids.
   */
  public static ConversionPlan current(ConversionRequest request, Lead lead) {
    ConversionPlan planned = forLead(request, lead);
    Conversion conversion = lead.conversion();
    return new ConversionPlan(
        conversion.id(),
        planned.createAccount(),
        planned.createContact(),
        planned.createOpportunity(),
        planned.existingAccountId(),
        planned.existingContactId(),
        conversion.accountId(),
        conversion.contactId(),
        conversion.opportunityId(),
        planned.opportunity());
  }
}
