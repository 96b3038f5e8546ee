package org.leadflow.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.leadflow.lead.domain.Actor;

/**
 * Who is calling. Requests are not authenticated yet (the security baseline will take the caller
 * from the bearer token), so every API call acts as the same anonymous user.
 */
@ApplicationScoped
public class Callers {

  static final Actor ANONYMOUS = new Actor("anonymous", Actor.Channel.USER);

  public Actor current() {
    return ANONYMOUS;
  }
}
