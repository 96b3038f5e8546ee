package org.leadflow.lead.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.domain.policy.QualificationPolicy;
import org.leadflow.lead.domain.policy.Readiness;
import org.leadflow.lead.persistence.PolicyVersions;
import org.leadflow.web.security.Caller;

/**
 * The organisation's qualification policy: the version in force, its history, an admin's change, and
 * a lead measured against it. A database starts with the default policy as version 1, saved the first
 * time anyone asks for the policy. Each version saved is published
 * ({@code leadflow.lead.qualification-policy-changed.v1}) in the transaction that saves it.
 */
@ApplicationScoped
public class QualificationPolicies {

  @Inject PolicyVersions versions;
  @Inject LeadService leads;
  @Inject Clock clock;
  @Inject PolicyEvents events;

  /** The version in force. */
  public Uni<PublishedPolicy> current() {
    return Panache.withSession(() -> versions.newest())
        .chain(newest -> newest.isPresent() ? Uni.createFrom().item(newest.get()) : saveInitial());
  }

  @WithSession
  public Uni<PublishedPolicy> version(int version) {
    return versions.version(version).map(found -> found.orElseThrow(() -> new PolicyVersionNotFoundException(version)));
  }

  /** A page of versions, newest first: the audit trail of the policy. */
  public Uni<LeadService.Page<PublishedPolicy>> history(int page, int size) {
    return current()
        .chain(
            ignored ->
                Panache.withSession(
                    () ->
                        versions
                            .page(page, size)
                            .chain(found -> versions.count().map(total -> new LeadService.Page<>(found, page, size, total)))));
  }

  /**
   * Saves {@code next} as the version after the one in force.
   *
   * @param expectedVersion the version the admin changed, from {@code If-Match}; empty for none
   * @throws StalePolicyException when the policy in force is another version than expected
   * @throws ConcurrentPolicyChangeException when another admin saved the same version number first
   * @throws org.leadflow.lead.domain.policy.InvalidPolicyException when {@code next} cannot be evaluated
   */
  public Uni<PublishedPolicy> replace(Optional<Long> expectedVersion, QualificationPolicy next, String note, Caller caller) {
    QualificationPolicy valid = next.validated();
    return current()
        .chain(
            inForce -> {
              if (expectedVersion.isPresent() && expectedVersion.get() != inForce.version()) {
                throw new StalePolicyException(inForce.version());
              }
              PublishedPolicy saved = inForce.succeededBy(valid, caller.id(), caller.name(), clock.instant(), note);
              return Panache.withTransaction(() -> add(saved))
                  .map(
                      added -> {
                        if (!added) {
                          throw new ConcurrentPolicyChangeException(saved.version());
                        }
                        return saved;
                      });
            });
  }

  /** A lead the caller may see, measured against the policy in force. */
  public Uni<Readiness> readiness(UUID leadId, Caller caller) {
    return current().chain(policy -> leads.get(leadId, caller).map(lead -> policy.evaluate(lead.details(), lead.qualification())));
  }

  /** Saves a version and, if it was saved, publishes it in the same transaction: true when saved. */
  private Uni<Boolean> add(PublishedPolicy policy) {
    return versions.add(policy).call(added -> added ? events.inForce(policy) : Uni.createFrom().voidItem());
  }

  private Uni<PublishedPolicy> saveInitial() {
    return Panache.withTransaction(() -> add(PublishedPolicy.initial(clock.instant())))
        .chain(() -> Panache.withSession(() -> versions.newest()))
        .map(Optional::orElseThrow);
  }

  /** No policy version has this number. */
  public static class PolicyVersionNotFoundException extends RuntimeException {
    public PolicyVersionNotFoundException(int version) {
      super("No qualification policy version " + version);
    }
  }

  /** The admin changed another version than the one in force. */
  public static class StalePolicyException extends RuntimeException {
    private final int currentVersion;

    public StalePolicyException(int currentVersion) {
      super("The qualification policy in force is version " + currentVersion + "; read it again and apply the change to it");
      this.currentVersion = currentVersion;
    }

    public int currentVersion() {
      return currentVersion;
    }
  }

  /** Two admins saved a change of the same version at once, and this one lost. */
  public static class ConcurrentPolicyChangeException extends RuntimeException {
    public ConcurrentPolicyChangeException(int version) {
      super("Another change saved version " + version + " of the qualification policy first; read it again and retry");
    }
  }
}
