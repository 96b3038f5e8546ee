package org.leadflow.messaging.deadletter;

import static org.leadflow.web.Problems.answer;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The dead-letter API's own failures as problem+json. */
public class DeadLetterProblems {

  @ServerExceptionMapper
  public Response notFound(DeadLetterNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", "Dead letter not found", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response alreadyRedriven(DeadLetterAlreadyRedrivenException failure, UriInfo uri) {
    return answer(409, "dead-letter-redriven", "The dead letter was re-driven already", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response timedOut(RedriveTimedOutException failure, UriInfo uri) {
    return Response.fromResponse(
            answer(503, "redrive-timed-out", "The re-drive did not finish in time", failure.getMessage(), uri, null, null))
        .header("Retry-After", 30)
        .build();
  }
}
