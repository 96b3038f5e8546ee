package org.leadflow.opportunity.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.opportunity.domain.CurrencyAmounts;
import org.leadflow.opportunity.service.ListQuery;

/** Paging, sorting and filters of {@code GET /api/v1/products}. */
public class ProductListParameters {

  private static final LinkedHashMap<String, String> SORTABLE = new LinkedHashMap<>();

  static {
    SORTABLE.put("createdAt", "createdAt");
    SORTABLE.put("name", "name");
    SORTABLE.put("code", "code");
  }

  @BeanParam Paging paging;

  @QueryParam("sort")
  @Parameter(description = "field,asc|desc; fields: createdAt (default, newest first), name, code", example = "name,asc")
  String sort;

  @QueryParam("q")
  @Parameter(description = "Free text over the name and the code", example = "engine")
  String q;

  @QueryParam("active")
  @Parameter(description = "Only active (true) or only deactivated (false) products", schema = @Schema(type = SchemaType.BOOLEAN))
  String active;

  @QueryParam("currency")
  @Parameter(description = "Only products with a price in this ISO 4217 currency", example = "EUR")
  String currency;

  ListQuery toQuery() {
    ListQueryBuilder query = new ListQueryBuilder();
    String code = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
    if (code != null) {
      try {
        CurrencyAmounts.decimals(code);
      } catch (IllegalArgumentException e) {
        query.invalid("currency", e.getMessage());
        code = null;
      }
    }
    return query
        .flag("active", "active", active)
        .where("id in (select p.productId from ProductPrice p where p.currency = :currency)", "currency", code)
        .text(q, "name", "code")
        .build(paging.page, paging.size, sort, SORTABLE);
  }
}
