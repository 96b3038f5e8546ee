package org.leadflow.lead.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.leadflow.lead.config.QualificationConfig;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.persistence.PolicyVersions;
import org.leadflow.lead.service.PolicyEvents;

/**
 * The steps the policy's commands share, in the command's transaction: the version in force (saving
 * the default as version 1 when none was saved), and saving a version with its event.
 */
@ApplicationScoped
class PolicyVersionsInForce {

  @Inject PolicyVersions versions;
  @Inject PolicyEvents events;
  @Inject QualificationConfig config;

  /** The newest version, after saving the initial policy as version 1 if there was none. */
  Uni<PublishedPolicy> currentOrStart(Instant now) {
    return versions
        .newest()
        .chain(
            newest ->
                newest.isPresent()
                    ? Uni.createFrom().item(newest.get())
                    : add(initial(now)).chain(() -> versions.newest()).map(Optional::orElseThrow));
  }

  /** Saves a version and, if it was saved (its number was free), publishes it: true when saved. */
  Uni<Boolean> add(PublishedPolicy policy) {
    return versions.add(policy).call(added -> added ? events.inForce(policy) : Uni.createFrom().voidItem());
  }

  private PublishedPolicy initial(Instant now) {
    return config.initialPolicy() == QualificationConfig.InitialPolicy.NONE
        ? PublishedPolicy.initialWithoutCriteria(now)
        : PublishedPolicy.initial(now);
  }
}
