package org.leadflow.opportunity.api;

import static org.leadflow.web.Problems.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.opportunity.domain.InvalidFieldException;
import org.leadflow.opportunity.service.DuplicateRecordsException;
import org.leadflow.opportunity.service.PriceNotInCatalogueException;
import org.leadflow.opportunity.service.ProductCodeTakenException;
import org.leadflow.opportunity.service.StaleRecordException;
import org.leadflow.web.FieldError;
import org.leadflow.web.Problems;
import org.leadflow.web.RequestText;

/**
 * The failures of creating and editing accounts, contacts and products as problem+json; the common
 * ones are mapped by {@link Problems}.
 */
public class RecordProblems {

  @ServerExceptionMapper
  public Response invalidField(InvalidFieldException failure, UriInfo uri) {
    return answer(
        400, "validation", "Invalid request", "1 field is invalid", uri, List.of(new FieldError(failure.field(), failure.reason())), null);
  }

  @ServerExceptionMapper
  public Response stale(StaleRecordException failure, UriInfo uri) {
    Response stale = answer(412, "stale-version", "The record has changed", failure.getMessage(), uri, null, null);
    return failure.currentVersion() == null
        ? stale
        : Response.fromResponse(stale).tag(new EntityTag(Long.toString(failure.currentVersion()))).build();
  }

  @ServerExceptionMapper
  public Response codeTaken(ProductCodeTakenException failure, UriInfo uri) {
    return answer(409, "product-code-taken", "Product code taken", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response priceNotInCatalogue(PriceNotInCatalogueException failure, UriInfo uri) {
    return answer(
        422,
        "price-not-in-catalogue",
        "No catalogue price",
        failure.getMessage(),
        uri,
        List.of(new FieldError("productId", "must name an active product of the catalogue with a price in the opportunity's currency")),
        null);
  }

  /** A problem with the candidates the caller may see, so that a form can offer them instead. */
  @ServerExceptionMapper
  public Response duplicates(DuplicateRecordsException failure, UriInfo uri) {
    return Response.status(409)
        .type(Problems.MEDIA_TYPE)
        .entity(
            new DuplicatesProblem(
                Problems.TYPE_BASE + "possible-duplicate",
                "Possible duplicate",
                409,
                failure.getMessage(),
                RequestText.printable(uri.getPath()),
                MatchResource.response(failure.matches())))
        .build();
  }

  /** RFC 9457 problem with one extension member: the matching records the caller may see. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record DuplicatesProblem(String type, String title, int status, String detail, String instance, MatchResponse duplicates) {}
}
