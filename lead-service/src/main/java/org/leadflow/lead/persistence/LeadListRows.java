package org.leadflow.lead.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The lead list's statements over {@code lead l}, given its filters ({@code where}) in SQL: a page's ids
 * with their sort values, the count of the matching leads (exact, or exact up to a limit), and the
 * planner's estimate of that count, which costs a plan and no rows.
 */
@ApplicationScoped
public class LeadListRows {

  /** A lead of a page: its id and its value of the sort field (String, Integer, Instant or null). */
  public record Row(UUID id, Object sortValue) {}

  private static final Pattern ESTIMATED_ROWS = Pattern.compile(" rows=(\\d+) ");

  /** Up to {@code limit} leads in {@code order}, after skipping {@code offset}. */
  public Uni<List<Row>> page(String where, Map<String, Object> parameters, String sortColumn, String order, int limit, long offset) {
    String sql = "SELECT l.id, " + sortColumn + " FROM lead l WHERE " + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
    return Panache.getSession()
        .chain(session -> bind(session.createNativeQuery(sql, Object[].class), parameters)
            .setParameter("limit", limit)
            .setParameter("offset", offset)
            .getResultList())
        .map(rows -> rows.stream().map(row -> new Row((UUID) row[0], sortValue(row[1]))).toList());
  }

  /** How many leads match, every one counted. */
  public Uni<Long> count(String where, Map<String, Object> parameters) {
    return single("SELECT count(*) FROM lead l WHERE " + where, parameters);
  }

  /**
   * How many leads match, counted up to {@code limit + 1}: the answer is exact when it is at most
   * {@code limit}, and the statement stops reading at the first lead past it.
   */
  public Uni<Long> countUpTo(String where, Map<String, Object> parameters, int limit) {
    Map<String, Object> withLimit = new java.util.HashMap<>(parameters);
    withLimit.put("countLimit", limit + 1);
    return single("SELECT count(*) FROM (SELECT 1 FROM lead l WHERE " + where + " LIMIT :countLimit) matching", withLimit);
  }

  /** The planner's estimate of how many leads match (the first line of EXPLAIN): no row is read. */
  public Uni<Long> estimate(String where, Map<String, Object> parameters) {
    return Panache.getSession()
        .chain(session -> bind(session.createNativeQuery("EXPLAIN SELECT 1 FROM lead l WHERE " + where, String.class), parameters)
            .getResultList())
        .map(plan -> {
          Matcher rows = ESTIMATED_ROWS.matcher(plan.isEmpty() ? "" : plan.get(0));
          return rows.find() ? Long.parseLong(rows.group(1)) : 0L;
        });
  }

  private static Uni<Long> single(String sql, Map<String, Object> parameters) {
    return Panache.getSession()
        .chain(session -> bind(session.createNativeQuery(sql, Long.class), parameters).getSingleResult());
  }

  private static <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query, Map<String, Object> parameters) {
    parameters.forEach(query::setParameter);
    return query;
  }

  private static Object sortValue(Object column) {
    if (column instanceof Number number) {
      return number.intValue();
    }
    return column instanceof String ? column : NativeValues.instant(column);
  }
}
