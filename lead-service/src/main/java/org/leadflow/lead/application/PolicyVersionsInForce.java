package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.leadflow.lead.config.QualificationConfig;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.persistence.PolicyVersions;
import org.leadflow.lead.service.PolicyEvents;

/**
 * The steps the policy's commands share, in the command's transaction: the version in force (saving
 * the default as version 1 when none was saved), and saving a version with its event. It remembers
 * the newest version it has seen, for measuring leads as they are created and edited without reading
 * the policy each time; the readiness refresher corrects what another instance's change made stale.
 */
@ApplicationScoped
class PolicyVersionsInForce {

  @Inject PolicyVersions versions;
  @Inject PolicyEvents events;
  @Inject QualificationConfig config;

  private final AtomicReference<PublishedPolicy> newestSeen = new AtomicReference<>();

  /** The newest version, after saving the initial policy as version 1 if there was none. */
  Uni<PublishedPolicy> currentOrStart(Instant now) {
    return versions
        .newest()
        .chain(
            newest ->
                newest.isPresent()
                    ? Uni.createFrom().item(newest.get())
                    : add(initial(now)).chain(() -> versions.newest()).map(Optional::orElseThrow))
        .invoke(this::seen);
  }

  /** The newest version this instance has seen, read (or started) only when it has seen none. */
  Uni<PublishedPolicy> newestSeen(Instant now) {
    PublishedPolicy known = newestSeen.get();
    return known != null ? Uni.createFrom().item(known) : currentOrStart(now);
  }

  private void seen(PublishedPolicy policy) {
    newestSeen.accumulateAndGet(policy, (known, next) -> known == null || next.version() > known.version() ? next : known);
  }

  /** Saves a version and, if it was saved (its number was free), publishes it: true when saved. */
  Uni<Boolean> add(PublishedPolicy policy) {
    return versions
        .add(policy)
        .call(added -> added ? events.inForce(policy) : Uni.createFrom().voidItem())
        .invoke(added -> {
          if (added) {
            seen(policy);
          }
        });
  }

  private PublishedPolicy initial(Instant now) {
    return config.initialPolicy() == QualificationConfig.InitialPolicy.NONE
        ? PublishedPolicy.initialWithoutCriteria(now)
        : PublishedPolicy.initial(now);
  }
}
