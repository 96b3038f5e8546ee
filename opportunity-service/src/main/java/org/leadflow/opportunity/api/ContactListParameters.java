package org.leadflow.opportunity.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.opportunity.service.ListQuery;

/** Paging, sorting and filters of {@code GET /api/v1/contacts}. */
public class ContactListParameters {

  private static final LinkedHashMap<String, String> SORTABLE = new LinkedHashMap<>();

  static {
    SORTABLE.put("createdAt", "createdAt");
    SORTABLE.put("lastName", "lastName");
    SORTABLE.put("firstName", "firstName");
  }

  @BeanParam Paging paging;

  @QueryParam("sort")
  @Parameter(description = "field,asc|desc; fields: createdAt (default, newest first), lastName, firstName", example = "lastName,asc")
  String sort;

  @QueryParam("q")
  @Parameter(description = "Free text over first name, last name and email", example = "lovelace")
  String q;

  @QueryParam("accountId")
  @Parameter(description = "The account's id (UUID): the people of one organisation")
  String accountId;

  @QueryParam("ownerId")
  @Parameter(description = "The owner's id")
  String ownerId;

  @QueryParam("originatingLeadId")
  @Parameter(description = "The lead whose conversion created the contact (UUID)")
  String originatingLeadId;

  ListQuery toQuery() {
    return new ListQueryBuilder()
        .id("accountId", "accountId", accountId)
        .equal("ownerId", "ownerId", ownerId)
        .id("originatingLeadId", "originatingLeadId", originatingLeadId)
        .text(q, "firstName", "lastName", "email")
        .build(paging.page, paging.size, sort, SORTABLE);
  }
}
