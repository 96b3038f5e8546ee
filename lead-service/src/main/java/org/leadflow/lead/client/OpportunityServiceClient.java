package org.leadflow.lead.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * opportunity-service's matching endpoint, as its published OpenAPI document describes it: which
 * existing accounts and contacts a lead's conversion would reuse.
 *
 * <p>Calls carry the bearer token of the person whose request led to them: opportunity-service
 * decides what that person may see and counts the call against their budget, and lead-service holds
 * no credentials of its own.
 */
@RegisterRestClient(configKey = "opportunity-service")
@Path("/api/v1/matches")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface OpportunityServiceClient {

  /** @param authorization the caller's {@code Authorization} header, {@code Bearer <token>} */
  @POST
  Uni<Matches> matches(MatchRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

  /**
   * @param ownerId the lead's owner: opportunity-service answers only what that owner may see, which
   *     is what the lead's conversion may reuse (a sales manager previewing a seller's lead sees that
   *     seller's matches, never another seller's records)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MatchRequest(String companyName, String website, String email, String phone, String ownerId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Matches(List<AccountMatch> accounts, List<ContactMatch> contacts) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AccountMatch(UUID id, String name, List<String> matchedBy) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContactMatch(UUID id, String name, String email, List<String> matchedBy) {}
}
