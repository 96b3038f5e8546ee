package org.leadflow.opportunity.config;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadflow.web.IdempotentRequests;

/** How long the first answer to an Idempotency-Key is replayed: it is forgotten after that. */
@ApplicationScoped
public class IdempotencyKeyRetention {

  @ConfigProperty(name = "leadflow.idempotency-key-retention", defaultValue = "PT24H")
  Duration retention;

  @Inject IdempotentRequests idempotent;
  @Inject Clock clock;

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> forgetExpiredKeys() {
    return idempotent.forgetKeysUsedBefore(clock.instant().minus(retention)).replaceWithVoid();
  }
}
