package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.leadflow.lead.domain.policy.PublishedPolicy;

/**
 * The default qualification policy comes into force as version 1, once: two instances starting it at
 * once save it once and publish it once.
 */
@ApplicationScoped
public class StartQualificationPolicy implements CommandHandler<Instant, PublishedPolicy> {

  @Inject PolicyVersionsInForce inForce;

  @Override
  public Uni<PublishedPolicy> handle(Instant now) {
    return inForce.currentOrStart(now);
  }
}
