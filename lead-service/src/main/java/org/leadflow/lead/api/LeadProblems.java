package org.leadflow.lead.api;

import static org.leadflow.web.Problems.answer;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.StaleObjectStateException;
import org.leadflow.lead.application.DuplicateLeads;
import org.leadflow.lead.application.IdempotencyKeyReusedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.lead.domain.TransitionNotAllowedException;
import org.leadflow.lead.domain.policy.CannotContactPolicy;
import org.leadflow.lead.domain.policy.QualificationGate;
import org.leadflow.lead.service.LeadNotFoundException;
import org.leadflow.lead.service.StaleVersionException;
import org.leadflow.web.FieldError;
import org.leadflow.web.Problem;
import org.leadflow.web.Problems;

/** lead-service's own failures as problem+json; the common ones are mapped by {@link Problems}. */
public class LeadProblems {

  /** A problem with the leads the caller may see that a blocking duplicate rule found, so that a form can offer them. */
  @ServerExceptionMapper
  public Response duplicates(DuplicateLeads.DuplicateLeadsException failure, UriInfo uri) {
    return Response.status(409)
        .type(Problems.MEDIA_TYPE)
        .entity(
            new DuplicatesProblem(
                Problems.TYPE_BASE + "possible-duplicate",
                "Possible duplicate",
                409,
                failure.getMessage(),
                uri.getPath(),
                failure.candidates().stream().map(DuplicateBodies::toResponse).toList()))
        .build();
  }

  /** RFC 9457 problem with one extension member: the leads that may be the same person. */
  public record DuplicatesProblem(
      String type, String title, int status, String detail, String instance, List<DuplicateBodies.CandidateResponse> duplicates) {}

  @ServerExceptionMapper
  public Response notFound(LeadNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", "Lead not found", failure.getMessage(), uri, null, null);
  }
  @ServerExceptionMapper
  public Response notAllowed(TransitionNotAllowedException failure, UriInfo uri) {
    return Response.status(409)
        .type(Problems.MEDIA_TYPE)
        .entity(
            new Problem(
                Problems.TYPE_BASE + "transition-not-allowed",
                "Action not allowed in the lead's state",
                409,
                failure.getMessage(),
                uri.getPath(),
                null,
                null,
                failure.current().state().label(),
                failure.current().label(),
                failure.action().label()))
        .build();
  }
  @ServerExceptionMapper
  public Response stale(StaleVersionException failure, UriInfo uri) {
    return Response.fromResponse(
            answer(412, "stale-version", "The lead has changed", failure.getMessage(), uri, null, null))
        .tag(new EntityTag(Long.toString(failure.currentVersion())))
        .build();
  }
  /** Two changes of one lead raced and this one lost: nothing of it was kept. */
  @ServerExceptionMapper
  public Response concurrentChange(OptimisticLockException failure, UriInfo uri) {
    return answer(
        409,
        "concurrent-change",
        "The lead was changed at the same time",
        "Another change of this lead committed first; read it again and retry",
        uri,
        null,
        null);
  }
  @ServerExceptionMapper
  public Response staleState(StaleObjectStateException failure, UriInfo uri) {
    return concurrentChange(new OptimisticLockException(failure), uri);
  }
  @ServerExceptionMapper
  public Response keyReused(IdempotencyKeyReusedException failure, UriInfo uri) {
    return answer(422, "idempotency-key-reused", "Idempotency-Key reused", failure.getMessage(), uri, null, null);
  }
  @ServerExceptionMapper
  public Response notRetryable(org.leadflow.lead.domain.ConversionNotRetryableException failure, UriInfo uri) {
    return answer(409, "conversion-not-retryable", "The conversion cannot be retried", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response notPending(org.leadflow.lead.domain.ConversionNotPendingException failure, UriInfo uri) {
    return answer(409, "conversion-not-pending", "The conversion is not pending", failure.getMessage(), uri, null, null);
  }

  /** Qualify refused by the qualification policy's gate: each required criterion not met, by key. */
  @ServerExceptionMapper
  public Response gateRefused(QualificationGate.RefusedException failure, UriInfo uri) {
    List<FieldError> unmet =
        failure.unmet().stream()
            .map(result -> new FieldError(result.criterion().key(), result.criterion().label() + ": " + result.explanation()))
            .toList();
    return answer(422, "qualification-criteria-unmet", "The lead does not meet the qualification policy", failure.getMessage(), uri, unmet, null);
  }

  /** Cannot Contact refused by the qualification policy's guard: the rule, by name, and the attempts it asks for. */
  @ServerExceptionMapper
  public Response tooEarly(CannotContactPolicy.TooEarlyException failure, UriInfo uri) {
    List<FieldError> rule =
        List.of(
            new FieldError(
                CannotContactPolicy.GUARD_RULE,
                "at least " + failure.minimumAttempts() + " outreach attempts before Cannot Contact; the lead had " + failure.attempts()));
    return answer(422, "cannot-contact-too-early", "Too few outreach attempts for Cannot Contact", failure.getMessage(), uri, rule, null);
  }

  @ServerExceptionMapper
  public Response overrideNotAllowed(QualificationGate.OverrideNotAllowedException failure, UriInfo uri) {
    return answer(403, "override-not-allowed", "Override not allowed", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response mergeIntoItself(org.leadflow.lead.domain.LeadMerge.IntoItselfException failure, UriInfo uri) {
    return answer(
        422, "merge-into-itself", "A lead cannot be merged into itself", failure.getMessage(), uri, List.of(new FieldError("duplicateId", "must be another lead")), null);
  }

  /** Merge choices naming what neither lead can give, or leaving the merged lead without a name. */
  @ServerExceptionMapper
  public Response mergeChoices(org.leadflow.lead.domain.LeadMerge.InvalidChoicesException failure, UriInfo uri) {
    List<FieldError> errors =
        failure.problems().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).map(problem -> new FieldError("fields." + problem.getKey(), problem.getValue())).toList();
    return answer(400, "validation", "Invalid merge choices", failure.getMessage(), uri, errors, null);
  }

  @ServerExceptionMapper
  public Response webFormNotFound(org.leadflow.lead.domain.webform.WebFormNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", "Web form not found", failure.getMessage(), uri, null, null);
  }

  /** A web form posted from a page of an origin the form does not list (the service's own CORS refusal says the same). */
  @ServerExceptionMapper
  public Response originNotAllowed(org.leadflow.lead.domain.webform.OriginNotAllowedException failure, UriInfo uri) {
    return Response.fromResponse(answer(403, "cors-rejected", "Origin not allowed", failure.getMessage(), uri, null, null)).header("Vary", "Origin").build();
  }

  @ServerExceptionMapper
  public Response webFormChanged(org.leadflow.lead.domain.webform.WebFormChangedException failure, UriInfo uri) {
    return Response.fromResponse(answer(412, "stale-version", "The web form has changed", failure.getMessage(), uri, null, null))
        .tag(new EntityTag(Long.toString(failure.currentVersion())))
        .build();
  }
}
