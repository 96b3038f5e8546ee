package org.leadflow.opportunity.api;

import static org.leadflow.web.Problems.answer;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.opportunity.domain.CurrencyMismatchException;
import org.leadflow.opportunity.domain.InvalidValuesException;
import org.leadflow.opportunity.domain.OpportunityActionNotAllowedException;
import org.leadflow.opportunity.domain.StageDataMissingException;
import org.leadflow.opportunity.service.RecordNotFoundException;
import org.leadflow.opportunity.service.StaleVersionException;
import org.leadflow.web.FieldError;
import org.leadflow.web.IfMatch;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;

/** opportunity-service's own failures as problem+json; the common ones are mapped by {@link Problems}. */
public class OpportunityProblems {

  @ServerExceptionMapper
  public Response notFound(RecordNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", failure.kind() + " not found", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response invalidValues(InvalidValuesException failure, UriInfo uri) {
    List<FieldError> errors = failure.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
    String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
    return answer(400, "validation", "Invalid request", detail, uri, errors, null);
  }

  @ServerExceptionMapper
  public Response notAllowed(OpportunityActionNotAllowedException failure, UriInfo uri) {
    return Response.status(409)
        .type(Problems.MEDIA_TYPE)
        .entity(
            new Problem(
                Problems.TYPE_BASE + "transition-not-allowed",
                "Action not allowed in the opportunity's state",
                409,
                failure.getMessage(),
                uri.getPath(),
                null,
                null,
                failure.current().state().label(),
                failure.current().label(),
                failure.action()))
        .build();
  }

  /** 422: the request is well formed, but the opportunity lacks what the stage requires. */
  @ServerExceptionMapper
  public Response stageDataMissing(StageDataMissingException failure, UriInfo uri) {
    List<FieldError> missing =
        failure.missing().stream()
            .map(requirement -> new FieldError(requirement.field(), "is required to enter " + failure.stage().label()))
            .toList();
    return answer(422, "stage-data-missing", "Data the stage requires is missing", failure.getMessage(), uri, missing, null);
  }

  @ServerExceptionMapper
  public Response currencyMismatch(CurrencyMismatchException failure, UriInfo uri) {
    return answer(
        422,
        "currency-mismatch",
        "Not the opportunity's currency",
        failure.getMessage(),
        uri,
        List.of(new FieldError(failure.field(), "must be in the opportunity's currency")),
        null);
  }

  @ServerExceptionMapper
  public Response stale(StaleVersionException failure, UriInfo uri) {
    return Response.fromResponse(answer(412, "stale-version", "The record has changed", failure.getMessage(), uri, null, null))
        .tag(IfMatch.etag(failure.currentVersion()))
        .build();
  }

  /** Two changes of one record raced and this one lost: nothing of it was kept. */
  @ServerExceptionMapper
  public Response concurrentChange(OptimisticLockException failure, UriInfo uri) {
    return answer(
        409,
        "concurrent-change",
        "The record was changed at the same time",
        "Another change of this record committed first; read it again and retry",
        uri,
        null,
        null);
  }

  @ServerExceptionMapper
  public Response staleState(StaleObjectStateException failure, UriInfo uri) {
    return concurrentChange(new OptimisticLockException(failure), uri);
  }
}
