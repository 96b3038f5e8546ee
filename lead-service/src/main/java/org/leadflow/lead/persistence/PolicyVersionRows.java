package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache's access to the policy rows; {@link PolicyVersions} is what the rest of the service uses. */
@ApplicationScoped
class PolicyVersionRows implements PanacheRepositoryBase<PolicyVersionRow, Integer> {}
