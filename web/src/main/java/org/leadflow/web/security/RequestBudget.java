package org.leadflow.web.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Clock;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every authenticated API call to its caller's {@link RateLimiter budget}. Calls without a
 * token are not counted: they are refused (401) before they cost anything worth limiting. Time is
 * the service's {@link Clock} bean, which tests may fix.
 */
@ApplicationScoped
public class RequestBudget {

  private final RateLimitConfig config;
  private final RateLimiter limiter;

  @Inject CurrentIdentityAssociation identities;

  @Inject
  RequestBudget(RateLimitConfig config, Clock clock) {
    this.config = config;
    this.limiter = new RateLimiter(config.requests(), config.window(), clock::millis);
  }

  @ServerRequestFilter
  public Uni<Void> spend(ContainerRequestContext request) {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return identities
        .getDeferredIdentity()
        .invoke(
            identity -> {
              if (!identity.isAnonymous()) {
                limiter
                    .acquire(CurrentCaller.of(identity).id())
                    .ifPresent(wait -> {
                      throw new RateLimitExceededException(wait);
                    });
              }
            })
        .replaceWithVoid();
  }
}
