package org.leadflow.web;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names, in every log line of a request, who made it and the record it is about: MDC {@code caller}
 * (the token's subject, when the request has a valid one) and {@code leadId}, {@code opportunityId},
 * {@code accountId}, {@code contactId} or {@code deadLetterId} (from the path). The trace and span
 * ids ({@code traceId}, {@code spanId}) are put there by the OpenTelemetry extension. Quarkus keeps
 * the MDC per request (its Vert.x context), so nothing leaks into another request's lines.
 */
@ApplicationScoped
public class RequestLogContext {

  /** The MDC key of the caller: a request's token subject, or a consumed event's source. */
  public static final String CALLER = "caller";

  private static final Map<String, String> RECORD_KEYS =
      Map.of(
          "leads", "leadId",
          "opportunities", "opportunityId",
          "accounts", "accountId",
          "contacts", "contactId",
          "dead-letters", "deadLetterId");
  private static final Pattern RECORD_IN_PATH =
      Pattern.compile("/(leads|opportunities|accounts|contacts|dead-letters)/([0-9a-fA-F]{8}-[0-9a-fA-F-]{27})(?=/|$)");

  @Inject CurrentIdentityAssociation identities;

  @ServerRequestFilter(preMatching = true)
  public void record(ContainerRequestContext request) {
    Matcher matcher = RECORD_IN_PATH.matcher(request.getUriInfo().getPath());
    while (matcher.find()) {
      MDC.put(RECORD_KEYS.get(matcher.group(1)), matcher.group(2));
    }
  }

  @ServerRequestFilter
  public Uni<Void> caller(ContainerRequestContext request) {
    return identities
        .getDeferredIdentity()
        .onFailure()
        .recoverWithNull() // a refused token: the 401 is answered elsewhere, without a caller to name
        .invoke(RequestLogContext::putCaller)
        .replaceWithVoid();
  }

  private static void putCaller(SecurityIdentity identity) {
    if (identity != null && !identity.isAnonymous()) {
      MDC.put(
          CALLER,
          identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
              ? token.getSubject()
              : identity.getPrincipal().getName());
    }
  }
}
