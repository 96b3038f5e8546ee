package org.leadflow.web.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request. Only endpoints that require a role reach the code that asks,
 * so the bearer token has been verified by then.
 */
@RequestScoped
public class CurrentCaller {

  @Inject SecurityIdentity identity;

  public Caller get() {
    if (identity.isAnonymous()) {
      throw new IllegalStateException("No caller: the endpoint must require a role");
    }
    return of(identity);
  }

  /**
   * The caller an authenticated identity stands for: the token's subject, name and roles.
   *
   * @throws AuthenticationFailedException when the subject is longer than LeadFlow can record
   */
  public static Caller of(SecurityIdentity identity) {
    String id = identity.getPrincipal().getName();
    String name = null;
    if (identity.getPrincipal() instanceof JsonWebToken token) {
      if (token.getSubject() != null) {
        id = token.getSubject();
      }
      name = token.getClaim("name");
      if (name == null && !id.equals(token.getName())) {
        name = token.getName(); // upn or preferred_username
      }
    }
    if (id.length() > Caller.MAX_ID_LENGTH) {
      throw new AuthenticationFailedException("The token's subject is longer than " + Caller.MAX_ID_LENGTH + " characters");
    }
    return new Caller(id, name, identity.getRoles());
  }
}
