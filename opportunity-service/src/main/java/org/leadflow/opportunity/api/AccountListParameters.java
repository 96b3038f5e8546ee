package org.leadflow.opportunity.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.opportunity.service.ListQuery;

/** Paging, sorting and filters of {@code GET /api/v1/accounts}. */
public class AccountListParameters {

  private static final LinkedHashMap<String, String> SORTABLE = new LinkedHashMap<>();

  static {
    SORTABLE.put("createdAt", "createdAt");
    SORTABLE.put("name", "name");
    SORTABLE.put("country", "country");
  }

  @BeanParam Paging paging;

  @QueryParam("sort")
  @Parameter(description = "field,asc|desc; fields: createdAt (default, newest first), name, country", example = "name,asc")
  String sort;

  @QueryParam("q")
  @Parameter(description = "Free text over the name, the website and the email domain", example = "analytical")
  String q;

  @QueryParam("ownerId")
  @Parameter(description = "The owner's id")
  String ownerId;

  @QueryParam("country")
  @Parameter(description = "ISO 3166-1 alpha-2 code", example = "GB")
  String country;

  @QueryParam("originatingLeadId")
  @Parameter(description = "The lead whose conversion created the account (UUID)")
  String originatingLeadId;

  ListQuery toQuery() {
    return new ListQueryBuilder()
        .equal("ownerId", "ownerId", ownerId)
        .equal("country", "country", country == null ? null : country.toUpperCase(Locale.ROOT))
        .id("originatingLeadId", "originatingLeadId", originatingLeadId)
        .text(q, "name", "website", "emailDomain")
        .build(paging.page, paging.size, sort, SORTABLE);
  }
}
