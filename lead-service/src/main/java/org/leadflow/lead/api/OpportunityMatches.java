package org.leadflow.lead.api;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.leadflow.lead.client.OpportunityServiceClient;
import org.leadflow.lead.domain.Lead;
import org.leadflow.lead.domain.LeadDetails;

/**
 * The existing accounts and contacts opportunity-service would reuse for a lead's conversion, for the
 * qualify dry run; asked with the caller's own token. When opportunity-service cannot be asked, the
 * preview says so (a real qualify still works: it matches them then).
 */
@ApplicationScoped
public class OpportunityMatches {

  private static final Logger LOG = Logger.getLogger(OpportunityMatches.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Inject @RestClient OpportunityServiceClient opportunityService;
  /** The caller's token, passed on to opportunity-service with the question. */
  @Inject JsonWebToken token;

  public Uni<QualifyResponse.Matches> of(Lead lead) {
    LeadDetails details = lead.details();
    return opportunityService
        .matches(
            new OpportunityServiceClient.MatchRequest(
                details.companyName(), details.website(), details.email(), details.phone(), lead.ownerId()),
            "Bearer " + token.getRawToken())
        .ifNoItem().after(TIMEOUT).fail()
        .map(
            found ->
                new QualifyResponse.Matches(
                    true,
                    null,
                    found.accounts() == null ? List.of() : found.accounts().stream().map(a -> new QualifyResponse.AccountMatch(a.id(), a.name(), a.matchedBy())).toList(),
                    found.contacts() == null ? List.of() : found.contacts().stream().map(c -> new QualifyResponse.ContactMatch(c.id(), c.name(), c.email(), c.matchedBy())).toList()))
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf("Dry run of lead %s without matches: %s", lead.id(), failure.toString());
              return new QualifyResponse.Matches(
                  false,
                  "opportunity-service could not be asked for existing accounts and contacts; a qualify still works and it will match them then",
                  List.of(),
                  List.of());
            });
  }
}
