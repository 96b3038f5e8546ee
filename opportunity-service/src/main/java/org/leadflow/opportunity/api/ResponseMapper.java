package org.leadflow.opportunity.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.leadflow.opportunity.domain.Account;
import org.leadflow.opportunity.domain.Contact;
import org.leadflow.opportunity.domain.Money;
import org.leadflow.opportunity.domain.Opportunity;
import org.leadflow.opportunity.domain.OpportunityLine;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.service.OpportunityQueries.OpportunityWithLines;

/** Maps the domain to the API's records, explicitly. */
final class ResponseMapper {

  private ResponseMapper() {}

  static OpportunityResponse opportunity(OpportunityWithLines found) {
    Opportunity o = found.opportunity();
    return new OpportunityResponse(
        o.id(),
        o.name(),
        o.originatingLeadId(),
        o.conversionId(),
        o.accountId(),
        o.contactId(),
        o.ownerId(),
        o.state().label(),
        o.statusReason().label(),
        o.statusReason().code(),
        money(o.estimatedValue()),
        o.estimatedCloseDate(),
        lines(found.lines()),
        o.createdAt(),
        o.version(),
        o.stage().label(),
        o.stageEnteredAt(),
        o.probability(),
        o.estimatedValueSource().label(),
        o.description(),
        o.customerNeed(),
        o.proposedSolution(),
        o.finalProposalDate(),
        money(o.actualRevenue()),
        o.actualCloseDate(),
        o.competitor(),
        o.closeNote(),
        o.closedAt(),
        o.updatedAt());
  }

  static AccountResponse account(Account a) {
    return new AccountResponse(
        a.id(),
        a.name(),
        a.website(),
        a.industry(),
        a.numberOfEmployees(),
        money(a.annualRevenue()),
        a.country(),
        a.city(),
        a.phone(),
        a.emailDomain(),
        a.ownerId(),
        a.originatingLeadId(),
        a.createdAt(),
        a.version());
  }

  static PossibleDuplicateResponse possibleDuplicate(PossibleDuplicate d) {
    return new PossibleDuplicateResponse(
        d.id(),
        d.recordType(),
        d.recordId(),
        d.existingRecordId(),
        d.matchedBy(),
        d.ownerId(),
        d.existingOwnerId(),
        d.originatingLeadId(),
        d.conversionId(),
        d.detectedAt());
  }

  static ContactResponse contact(Contact c) {
    return new ContactResponse(
        c.id(),
        c.firstName(),
        c.lastName(),
        c.email(),
        c.phone(),
        c.jobTitle(),
        c.accountId(),
        c.ownerId(),
        c.originatingLeadId(),
        c.createdAt(),
        c.version());
  }

  /** A single read: the record, with its version as ETag. */
  static Response ok(Object body, long version) {
    return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
  }

  private static List<OpportunityResponse.OpportunityLineResponse> lines(List<OpportunityLine> lines) {
    return lines.stream().map(ResponseMapper::line).toList();
  }

  static OpportunityResponse.OpportunityLineResponse line(OpportunityLine line) {
    return new OpportunityResponse.OpportunityLineResponse(
        line.id(),
        line.lineNumber(),
        line.productName(),
        line.quantity().stripTrailingZeros().toPlainString(),
        money(line.unitPrice()),
        money(line.amount()),
        line.description(),
        money(line.discount()),
        money(line.tax()),
        line.productId());
  }

  static MoneyDto money(Money money) {
    return money == null ? null : new MoneyDto(money.amountText(), money.currency());
  }
}
