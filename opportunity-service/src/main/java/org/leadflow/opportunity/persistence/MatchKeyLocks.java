package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Transaction-scoped PostgreSQL advisory locks on match keys. Two conversions that could create the
 * same account or contact (two leads of one new company, on two service instances) take the same
 * locks, so the second one waits, then finds the first one's record and reuses it.
 */
@ApplicationScoped
public class MatchKeyLocks {

  /** Locks the keys, in the given order, until the caller's transaction ends. */
  public Uni<Void> lock(List<String> keys) {
    Uni<Void> locked = Uni.createFrom().voidItem();
    for (String key : keys) {
      locked = locked.call(() -> lock(key));
    }
    return locked;
  }

  private Uni<Integer> lock(String key) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    // pg_advisory_xact_lock returns void, which is wrapped so that a row comes back. The
                    // result type makes the query's plan cacheable: without it, Hibernate keys every
                    // execution's plan by a result mapping of its own, so each one missed the cache and
                    // added an entry under the same hash, and every lookup compared against up to 2,048
                    // of them (10 % of opportunity-service's CPU while converting, docs/benchmarks.md).
                    .createNativeQuery(
                        "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS locked", Integer.class)
                    .setParameter("key", key)
                    .getSingleResult());
  }
}
