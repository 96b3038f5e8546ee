package org.leadflow.opportunity.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /**
   * Takes every lock in one statement, in the order of the keys (WITH ORDINALITY numbers them as
   * given; PostgreSQL evaluates the volatile lock function after the ORDER BY). The keys travel as
   * one JSON array, which holds any string (sent as text: a string bound to a jsonb parameter would
   * arrive as one JSON string). Run as an update: a native SELECT through Hibernate
   * Reactive plans its query anew each time, an update's plan is cached; the row count is unused.
   */
  private static final String LOCK_IN_ORDER =
      "SELECT pg_advisory_xact_lock(hashtextextended(key.value, 0))"
          + " FROM jsonb_array_elements_text(cast(cast(:keys AS text) AS jsonb)) WITH ORDINALITY AS key(value, position)"
          + " ORDER BY key.position";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Locks the keys, in the given order, until the caller's transaction ends; one round trip. */
  public Uni<Void> lock(List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String array = json(keys);
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(LOCK_IN_ORDER).setParameter("keys", array).executeUpdate())
        .replaceWithVoid();
  }

  private static String json(List<String> keys) {
    try {
      return JSON.writeValueAsString(keys);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A list of strings is always JSON", e);
    }
  }
}
