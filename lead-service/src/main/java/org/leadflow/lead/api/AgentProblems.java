package org.leadflow.lead.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.leadflow.lead.application.AgentPolicies;
import org.leadflow.lead.application.AgentRuns;
import org.leadflow.lead.application.ClearReadyMark;
import org.leadflow.web.Problems;

/** The qualification agent's failures as problem+json. */
public class AgentProblems {

  @ServerExceptionMapper
  public Response stale(AgentPolicies.StaleAgentPolicyException failure, UriInfo uri) {
    return Response.fromResponse(Problems.answer(412, "stale-version", "The agent's policy has changed", failure.getMessage(), uri, null, null))
        .tag(new EntityTag(Integer.toString(failure.currentVersion())))
        .build();
  }

  @ServerExceptionMapper
  public Response concurrent(AgentPolicies.ConcurrentAgentPolicyChangeException failure, UriInfo uri) {
    return Problems.answer(409, "concurrent-change", "The policy was changed at the same time", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response off(AgentRuns.AgentOffException failure, UriInfo uri) {
    return Problems.answer(409, "agent-off", "The agent does not act", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response runNotFound(AgentRuns.AgentRunNotFoundException failure, UriInfo uri) {
    return Problems.answer(404, "not-found", "Agent run not found", failure.getMessage(), uri, null, null);
  }

  @ServerExceptionMapper
  public Response noMark(ClearReadyMark.NoReadyMarkException failure, UriInfo uri) {
    return Problems.answer(409, "no-ready-mark", "No ready-to-qualify mark", failure.getMessage(), uri, null, null);
  }
}
