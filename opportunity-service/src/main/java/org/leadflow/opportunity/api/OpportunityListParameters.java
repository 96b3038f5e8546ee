package org.leadflow.opportunity.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.opportunity.domain.OpportunityState;
import org.leadflow.opportunity.domain.OpportunityStatusReason;
import org.leadflow.opportunity.service.ListQuery;

/** Paging, sorting and filters of {@code GET /api/v1/opportunities}. */
public class OpportunityListParameters {

  /** API sort field → entity attribute; the first is the default (descending). */
  private static final LinkedHashMap<String, String> SORTABLE = new LinkedHashMap<>();

  static {
    SORTABLE.put("createdAt", "createdAt");
    SORTABLE.put("estimatedCloseDate", "estimatedCloseDate");
    SORTABLE.put("name", "name");
    SORTABLE.put("estimatedValue", "estimatedValue.amount");
  }

  @BeanParam Paging paging;

  @QueryParam("sort")
  @Parameter(
      description = "field,asc|desc; fields: createdAt (default, newest first), estimatedCloseDate, name, estimatedValue",
      example = "estimatedCloseDate,asc")
  String sort;

  @QueryParam("state")
  @Parameter(description = "Open, Won or Lost", example = "Open")
  String state;

  @QueryParam("statusReason")
  @Parameter(description = "In Progress, On Hold, Won, Canceled or Out-Sold", example = "In Progress")
  String statusReason;

  @QueryParam("ownerId")
  @Parameter(description = "The owner's id")
  String ownerId;

  @QueryParam("originatingLeadId")
  @Parameter(description = "The qualified lead's id (UUID): finds the opportunity a lead was converted to")
  String originatingLeadId;

  @QueryParam("accountId")
  @Parameter(description = "The account's id (UUID)")
  String accountId;

  @QueryParam("closeDateFrom")
  @Parameter(description = "Estimated close date on or after (ISO-8601 date)", example = "2026-07-01")
  String closeDateFrom;

  @QueryParam("closeDateTo")
  @Parameter(description = "Estimated close date on or before (ISO-8601 date)", example = "2026-09-30")
  String closeDateTo;

  @QueryParam("q")
  @Parameter(description = "Free text over the opportunity's name")
  String q;

  ListQuery toQuery() {
    return new ListQueryBuilder()
        .label("state", "state", state, OpportunityState::fromLabel)
        .label("statusReason", "statusReason", statusReason, OpportunityStatusReason::fromLabel)
        .equal("ownerId", "ownerId", ownerId)
        .id("originatingLeadId", "originatingLeadId", originatingLeadId)
        .id("accountId", "accountId", accountId)
        .date("estimatedCloseDate", ">=", "closeDateFrom", closeDateFrom)
        .date("estimatedCloseDate", "<=", "closeDateTo", closeDateTo)
        .text(q, "name")
        .build(paging.page, paging.size, sort, SORTABLE);
  }
}
