package org.leadflow.opportunity.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.leadflow.opportunity.domain.PossibleDuplicate;
import org.leadflow.opportunity.domain.UnknownLabelException;
import org.leadflow.opportunity.service.ListQuery;

/** Paging, sorting and filters of {@code GET /api/v1/possible-duplicates}. */
public class PossibleDuplicateListParameters {

  private static final LinkedHashMap<String, String> SORTABLE = new LinkedHashMap<>();
  private static final Set<String> RECORD_TYPES = Set.of(PossibleDuplicate.ACCOUNT, PossibleDuplicate.CONTACT);

  static {
    SORTABLE.put("detectedAt", "detectedAt");
  }

  @BeanParam Paging paging;

  @QueryParam("sort")
  @Parameter(description = "field,asc|desc; fields: detectedAt (default, newest first)", example = "detectedAt,asc")
  String sort;

  @QueryParam("recordType")
  @Parameter(description = "account or contact", example = "contact")
  String recordType;

  @QueryParam("ownerId")
  @Parameter(description = "The owner of the record the conversion created")
  String ownerId;

  @QueryParam("existingOwnerId")
  @Parameter(description = "The owner of the existing record it matched")
  String existingOwnerId;

  @QueryParam("originatingLeadId")
  @Parameter(description = "The lead whose conversion created the record (UUID)")
  String originatingLeadId;

  ListQuery toQuery() {
    return new ListQueryBuilder()
        .label("recordType", "recordType", recordType, PossibleDuplicateListParameters::recordType)
        .equal("ownerId", "ownerId", ownerId)
        .equal("existingOwnerId", "existingOwnerId", existingOwnerId)
        .id("originatingLeadId", "originatingLeadId", originatingLeadId)
        .build(paging.page, paging.size, sort, SORTABLE);
  }

  private static String recordType(String value) {
    String type = value.strip().toLowerCase(Locale.ROOT);
    if (!RECORD_TYPES.contains(type)) {
      throw new UnknownLabelException(RECORD_TYPES.stream().sorted().toList());
    }
    return type;
  }
}
