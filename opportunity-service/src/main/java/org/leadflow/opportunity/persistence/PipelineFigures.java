package org.leadflow.opportunity.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.leadflow.opportunity.domain.OpportunityStage;

/** Sums over the open opportunities, grouped by stage, estimated close month and currency, in one query. */
@ApplicationScoped
public class PipelineFigures {

  private static final String OPEN_BY_STAGE_MONTH_AND_CURRENCY =
      "SELECT stage, to_char(estimated_close_date, 'YYYY-MM') AS month, estimated_value_currency AS currency,"
          + " count(*) AS count, sum(estimated_value_amount) AS value,"
          + " sum(estimated_value_amount * probability) / 100 AS weighted"
          + " FROM opportunity WHERE state = 'OPEN'"
          + " AND ($1::text IS NULL OR owner_id = $1)"
          + " AND ($2::date IS NULL OR estimated_close_date >= $2)"
          + " AND ($3::date IS NULL OR estimated_close_date <= $3)"
          + " AND ($4::text IS NULL OR estimated_value_currency = $4)"
          + " GROUP BY stage, month, currency";

  @Inject Pool pool;

  /**
   * The open opportunities of one stage, close month (null: no estimated close date) and currency
   * (null: no estimated value, so value and weighted value are null): how many, their estimated value,
   * and its sum weighted by each one's probability (exact, not rounded).
   */
  public record Group(OpportunityStage stage, YearMonth closeMonth, String currency, long count, BigDecimal value, BigDecimal weightedValue) {}

  /**
   * The open opportunities, grouped; each filter null for no restriction.
   *
   * @param closeDateFrom estimated close date on or after
   * @param closeDateTo estimated close date on or before
   */
  public Uni<List<Group>> openOpportunities(String ownerId, LocalDate closeDateFrom, LocalDate closeDateTo, String currency) {
    return pool.preparedQuery(OPEN_BY_STAGE_MONTH_AND_CURRENCY)
        .execute(Tuple.of(ownerId, closeDateFrom, closeDateTo, currency))
        .map(rows -> {
          List<Group> groups = new ArrayList<>();
          rows.forEach(row -> {
            String month = row.getString("month");
            groups.add(
                new Group(
                    OpportunityStage.valueOf(row.getString("stage")),
                    month == null ? null : YearMonth.parse(month),
                    row.getString("currency"),
                    row.getLong("count"),
                    row.getBigDecimal("value"),
                    row.getBigDecimal("weighted")));
          });
          return List.copyOf(groups);
        });
  }
}
