package org.leadflow.lead.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.leadflow.lead.domain.policy.PublishedPolicy;
import org.leadflow.lead.domain.policy.Readiness;
import org.leadflow.lead.persistence.PolicyVersions;
import org.leadflow.lead.service.LeadQueries;
import org.leadflow.web.security.Caller;

/**
 * Reading the qualification policy: the version in force, its history, and a lead measured against
 * it. A database starts with the default policy as version 1, saved (and published) the first time
 * anyone asks for the policy: the one read that may write, through {@link Commands}.
 */
@ApplicationScoped
public class QualificationPolicies {

  @Inject PolicyVersions versions;
  @Inject LeadQueries leads;
  @Inject Commands commands;
  @Inject StartQualificationPolicy start;
  @Inject Clock clock;

  /** The version in force. */
  public Uni<PublishedPolicy> current() {
    return Panache.withSession(() -> versions.newest())
        .chain(newest -> newest.isPresent() ? Uni.createFrom().item(newest.get()) : commands.run(start, clock.instant()));
  }

  public Uni<PublishedPolicy> version(int version) {
    return current()
        .chain(() -> Panache.withSession(() -> versions.version(version)))
        .map(found -> found.orElseThrow(() -> new PolicyVersionNotFoundException(version)));
  }

  /** A page of versions, newest first: the audit trail of the policy. */
  public Uni<LeadQueries.Page<PublishedPolicy>> history(int page, int size) {
    return current()
        .chain(
            () ->
                Panache.withSession(
                    () ->
                        versions
                            .page(page, size)
                            .chain(found -> versions.count().map(total -> new LeadQueries.Page<>(found, page, size, total)))));
  }

  /** A lead the caller may see, measured against the policy in force. */
  public Uni<Readiness> readiness(UUID leadId, Caller caller) {
    return current().chain(policy -> leads.get(leadId, caller).map(lead -> policy.evaluate(lead.details(), lead.qualification())));
  }

  /** No policy version has this number. */
  public static class PolicyVersionNotFoundException extends RuntimeException {
    public PolicyVersionNotFoundException(int version) {
      super("No qualification policy version " + version);
    }
  }
}
