package org.leadflow.opportunity.api;

import static org.leadflow.web.Problems.answer;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.opportunity.service.RecordNotFoundException;
import org.leadflow.web.Problems;

/** opportunity-service's own failures as problem+json; the common ones are mapped by {@link Problems}. */
public class OpportunityProblems {

  @ServerExceptionMapper
  public Response notFound(RecordNotFoundException failure, UriInfo uri) {
    return answer(404, "not-found", failure.kind() + " not found", failure.getMessage(), uri, null, null);
  }
}
