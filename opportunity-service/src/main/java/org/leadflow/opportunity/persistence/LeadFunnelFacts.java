package org.leadflow.opportunity.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.opportunity.domain.LeadFunnelFact;

/**
 * The lead facts of the funnel ({@code lead_funnel_fact}), one row per lead, and the funnel's counts.
 * A fact is one upsert by lead id that any number of repeats leaves as the first made it, so it
 * needs no inbox row: a created or reassigned lead's is written on its own, outside any transaction
 * of the ORM (one round trip); a qualified lead's joins the conversion's transaction (no commit of
 * its own on the conversion's path).
 */
@ApplicationScoped
public class LeadFunnelFacts {

  /** How a fact merges into its lead's row. */
  private static final String ON_CONFLICT =
      " ON CONFLICT (lead_id) DO UPDATE SET"
          + " owner_id = CASE WHEN EXCLUDED.owner_since >= lead_funnel_fact.owner_since"
          + " THEN EXCLUDED.owner_id ELSE lead_funnel_fact.owner_id END,"
          + " owner_since = GREATEST(lead_funnel_fact.owner_since, EXCLUDED.owner_since),"
          // LEAST ignores nulls: an event that does not say keeps what another said.
          + " created_at = LEAST(lead_funnel_fact.created_at, EXCLUDED.created_at),"
          + " qualified_at = LEAST(lead_funnel_fact.qualified_at, EXCLUDED.qualified_at)";

  private static final String UPSERT =
      "INSERT INTO lead_funnel_fact (lead_id, owner_id, owner_since, created_at, qualified_at) VALUES ($1, $2, $3, $4, $5)"
          + ON_CONFLICT;

  /** The same upsert with named parameters, for the ORM's session. */
  private static final String UPSERT_IN_SESSION =
      "INSERT INTO lead_funnel_fact (lead_id, owner_id, owner_since, created_at, qualified_at)"
          + " VALUES (:lead, :owner, cast(:ownerSince AS timestamptz), cast(:createdAt AS timestamptz), cast(:qualifiedAt AS timestamptz))"
          + ON_CONFLICT;


  /** Leads created in [from, to), and how many of them were qualified. */
  private static final String COHORT =
      "SELECT count(*) AS created, count(f.qualified_at) AS qualified FROM lead_funnel_fact f"
          + " WHERE f.created_at >= $1 AND f.created_at < $2 AND ($3::text IS NULL OR f.owner_id = $3)";

  /** The won opportunities of those leads, by the currency of their actual revenue. */
  private static final String WON =
      "SELECT o.actual_revenue_currency AS currency, count(*) AS won, sum(o.actual_revenue_amount) AS revenue"
          + " FROM lead_funnel_fact f JOIN opportunity o ON o.originating_lead_id = f.lead_id"
          + " WHERE f.created_at >= $1 AND f.created_at < $2 AND o.state = 'WON'"
          + " AND ($3::text IS NULL OR (f.owner_id = $3 AND o.owner_id = $3))"
          + " GROUP BY o.actual_revenue_currency ORDER BY o.actual_revenue_currency NULLS LAST";

  @Inject Pool pool;

  /** Merges the fact into its lead's row. */
  public Uni<Void> record(LeadFunnelFact fact) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.from(new Object[] {fact.leadId(), fact.ownerId(), time(fact.ownerSince()), time(fact.createdAt()), time(fact.qualifiedAt())}))
        .replaceWithVoid();
  }

  /**
   * Merges the fact into its lead's row in the caller's transaction (the ORM's session), so that it
   * commits, or rolls back, with the caller's work.
   */
  public Uni<Void> recordInTransaction(LeadFunnelFact fact) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(UPSERT_IN_SESSION)
                    .setParameter("lead", fact.leadId())
                    .setParameter("owner", fact.ownerId())
                    .setParameter("ownerSince", time(fact.ownerSince()))
                    .setParameter("createdAt", time(fact.createdAt()))
                    .setParameter("qualifiedAt", time(fact.qualifiedAt()))
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** Won opportunities of one currency (null: won without any revenue). */
  public record Won(String currency, long count, BigDecimal revenue) {}

  /** The funnel of the leads created in a period. */
  public record Cohort(long created, long qualified, List<Won> won) {}

  /**
   * The leads created in [{@code from}, {@code to}), how many of them were qualified, and their won
   * opportunities.
   *
   * @param ownerId only the leads and opportunities of this owner; null for everyone's
   */
  public Uni<Cohort> cohort(Instant from, Instant to, String ownerId) {
    Tuple period = Tuple.of(time(from), time(to), ownerId);
    return pool.preparedQuery(COHORT)
        .execute(period)
        .chain(counts -> pool.preparedQuery(WON).execute(period).map(won -> {
          Row row = counts.iterator().next();
          List<Won> byCurrency = new ArrayList<>();
          won.forEach(group -> byCurrency.add(new Won(group.getString("currency"), group.getLong("won"), group.getBigDecimal("revenue"))));
          return new Cohort(row.getLong("created"), row.getLong("qualified"), List.copyOf(byCurrency));
        }));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
